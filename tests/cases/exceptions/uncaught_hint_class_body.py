# A class body's own names are not offered (CPython looks at its
# code's local variables, and a class body has none).
class A:
    x = 1
    print(xx)

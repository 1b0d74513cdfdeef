def f(x, y=3):
    z = x + y
    v = vars()
    return sorted(v.items())
print(f(1))
def g():
    return vars()
print(g())
try:
    vars(5)
except TypeError as e:
    print("TypeError", e)

# Assigning a function's __defaults__ / __kwdefaults__ changes what later
# calls fill in, as CPython (None or del: none).
def f(a=1, b=2, *, c=3):
    return a, b, c
f.__defaults__ = (5,)
try:
    print(f())
except TypeError as e:
    print("TypeError", e)
print(f(0), f.__defaults__, f.__dict__)
f.__defaults__ = (7, 8)
print(f(), f.__kwdefaults__)
f.__kwdefaults__ = {"c": 9}
print(f())
f.__kwdefaults__ = None
try:
    print(f())
except TypeError as e:
    print("TypeError", e)
f.__defaults__ = None
try:
    f()
except TypeError as e:
    print("TypeError", e)
for bad in ([1], 5, "ab"):
    try:
        f.__defaults__ = bad
    except TypeError as e:
        print("TypeError", e)
try:
    f.__kwdefaults__ = [1]
except TypeError as e:
    print("TypeError", e)
class T(tuple): pass
f.__defaults__ = T((1, 2))
print(f(c=0))
del f.__defaults__
print(f.__defaults__)
def g(x, y=10):
    return x + y
g.__defaults__ = (100,)
print(g(1), [g(i) for i in range(3)])

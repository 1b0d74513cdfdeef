def f(a, b, /, c, d=4, *args, e, f=6, **kw):
    return (a, b, c, d, args, e, f, kw)
print(f(1, 2, 3, e=5))
print(f(1, 2, c=3, e=5))
print(f(1, 2, 3, 40, 50, 60, e=5, f=7, g=8))
print(f(1, 2, 3, d=9, e=5, z=0))
def g(*, only):
    return only
print(g(only="kw"))
def h(x, /):
    return x
print(h(5))
def k(**kw):
    return sorted(kw.items())
print(k(b=2, a=1), k())
def m(*args):
    return args
print(m(), m(1), m(*[1, 2], 3, *(4,)))
def defaults(a, b=[], c={}, d=None):
    return a, b, c, d
print(defaults(1), defaults(1, 2, 3, 4), defaults(1, d="x"))
print(f.__name__, g.__name__, (lambda: 0).__name__)

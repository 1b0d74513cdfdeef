class Foo:
    cls_attr = 1
    def __init__(self, x):
        self.x = x
    def m(self, a, b=2, *, c):
        return a + b + c

f = Foo(1)
tests = [
    lambda: f.missing,
    lambda: Foo.missing,
    lambda: Foo(),
    lambda: Foo(1, 2),
    lambda: f.m(),
    lambda: f.m(1),
    lambda: f.m(1, 2, 3),
    lambda: f.m(1, c=1, d=2),
    lambda: f.m(1, a=2, c=3),
    lambda: f.x.missing,
    lambda: Foo.m(),
    lambda: f(),
    lambda: f[0],
    lambda: f + 1,
    lambda: 1 - f,
    lambda: -f,
    lambda: len(f),
    lambda: iter(f),
    lambda: f < f,
    lambda: hash(Foo) == hash(Foo),
    lambda: [x for x in f],
    lambda: "abc" + f,
    lambda: None.attr,
    lambda: (1).real.imag.nothing,
    lambda: Foo.__init__(f),
    lambda: abs(f),
    lambda: int(f),
    lambda: float(f),
    lambda: f"{f:>5}",
]
for i, t in enumerate(tests):
    try:
        r = t()
        print(i, "ok", r)
    except Exception as e:
        print(i, type(e).__name__, e)
del f.x
try:
    f.x
except AttributeError as e:
    print(type(e).__name__, e)
try:
    del f.x
except AttributeError as e:
    print(type(e).__name__, e)
try:
    del Foo.nothing
except AttributeError as e:
    print(type(e).__name__, e)
try:
    (5).foo = 1
except AttributeError as e:
    print(type(e).__name__, e)
try:
    "s".upper = None
except AttributeError as e:
    print(type(e).__name__, e)
try:
    object().x = 1
except AttributeError as e:
    print(type(e).__name__, e)
try:
    int.foo = 1
except TypeError as e:
    print(type(e).__name__, e)

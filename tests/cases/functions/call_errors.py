def f(a, b, /, c, d=4, *, e, f=6):
    return a
def two(x, y):
    return x + y
def kwo(*, key):
    return key
def nothing():
    return 0
tests = [
    lambda: two(1),
    lambda: two(),
    lambda: two(1, 2, 3),
    lambda: two(1, y=2, x=3),
    lambda: two(1, 2, z=3),
    lambda: two(x=1),
    lambda: kwo(1),
    lambda: kwo(),
    lambda: nothing(1),
    lambda: nothing(a=1),
    lambda: f(1, 2, 3),
    lambda: f(1, b=2, c=3, e=4),
    lambda: f(1, 2, 3, 4, 5, e=6),
    lambda: f(1, 2, 3, e=1, g=2),
    lambda: two(*[1, 2, 3]),
    lambda: two(**{"x": 1}),
    lambda: two(*5),
    lambda: two(**[1]),
    lambda: two(1, **{"x": 2}),
    lambda: (lambda a, *, b: 0)(1, 2),
    lambda: len(),
    lambda: len([], []),
    lambda: abs(x=1),
    lambda: "abc".split(1, 2, 3),
    lambda: sorted([1], lambda x: x),
]
for t in tests:
    try:
        t()
    except TypeError as e:
        print("TypeError", e)

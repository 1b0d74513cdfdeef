from typing import NamedTuple, List
Point = NamedTuple("Point", [("x", int), ("y", int)])
p = Point(3, -4)
print(p, p.x, p.y, p[0], p[-1], len(p), list(p), tuple(p))
print(Point, Point.__name__, Point._fields, Point._field_defaults, Point.__annotations__, Point.__doc__)
print(p == (3, -4), hash(p) == hash((3, -4)), p + (5,), p[:1], p.count(3), p.index(-4))
x, y = p
print(x, y, Point(y=2, x=1), Point._make([7, 8]), p._replace(y=10), p._asdict())
print(isinstance(p, tuple), sorted([Point(2, 1), Point(1, 5)]), max(Point(1, 2), Point(1, 3)))
Emp = NamedTuple("Emp", name=str, id=int)
print(Emp("ann", 7), Emp._fields, Emp.__annotations__)
Empty = NamedTuple("Empty", [])
print(Empty(), Empty._fields, len(Empty()))
attempts = [lambda: Point(1), lambda: Point(), lambda: Point(1, 2, 3), lambda: Point(1, y=2, z=3),
            lambda: Point(1, x=2), lambda: Point._make([1]), lambda: p._replace(z=1), lambda: p.z,
            lambda: Point.z, lambda: NamedTuple("X", [("_a", int)]), lambda: NamedTuple("X", [("a", int), ("a", int)]),
            lambda: NamedTuple("X", [("def", int)]), lambda: NamedTuple("X", [("a b", int)]),
            lambda: NamedTuple("X", [("a", int)], b=int), lambda: NamedTuple("X", [("a",)]), lambda: Empty(1)]
for i, f in enumerate(attempts):
    try:
        print(i, "no error:", f())
    except (TypeError, ValueError, AttributeError) as e:
        print(i, type(e).__name__, e)
try:
    p.x = 5
except AttributeError as e:
    print(type(e).__name__, e)

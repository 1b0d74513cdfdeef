from typing import NamedTuple, List
class Point(NamedTuple):
    x: int
    y: int = 0
    def norm1(self) -> int:
        return abs(self.x) + abs(self.y)
p = Point(3, -4)
print(p, p.x, p.y, p[0], p[-1], len(p), p.norm1())
print(Point(5), Point(x=1, y=2), Point._fields, Point._field_defaults)
x, y = p
print(x, y, p == (3, -4), tuple(p), list(p), isinstance(p, tuple))
print(p._asdict(), p._replace(y=10), Point._make([7, 8]))
print(hash(p) == hash((3, -4)), {p: 1}[(3, -4)], sorted([Point(2, 1), Point(1, 5)]))
try:
    p.x = 5
except AttributeError as e:
    print(type(e).__name__, e)
try:
    Point()
except TypeError as e:
    print(type(e).__name__, e)
try:
    Point(1, 2, 3)
except TypeError as e:
    print(type(e).__name__, e)
Employee = NamedTuple("Employee", [("name", str), ("id", int)])
e = Employee("ann", 7)
print(e, e.name, Employee._fields, type(e).__name__)
class Line(NamedTuple):
    start: Point
    end: Point
    tags: List[str] = []
l = Line(Point(0, 0), Point(1, 1))
print(l, l.end.x, l.tags)
print(repr(Point(1, 2)), str(Point(1, 2)), f"{Point(1, 2)}")
print(Point.__name__, Point.__annotations__ if False else list(Point.__annotations__))

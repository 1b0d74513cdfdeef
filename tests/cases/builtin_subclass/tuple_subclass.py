class Point(tuple):
    __slots__ = ()
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))
    @property
    def x(self):
        return self[0]
    @property
    def y(self):
        return self[1]
    def __repr__(self):
        return "Point(x=%r, y=%r)" % self
    def __add__(self, o):
        return Point(self.x + o[0], self.y + o[1])
p = Point(1, 2)
print(p, p.x, p.y, len(p), p[0], list(p), tuple(p), p == (1, 2), (1, 2) == p)
x, y = p
print(x, y, p + (10, 20), type(p + (10, 20)).__name__, type(p[:1]).__name__)
print(hash(p) == hash((1, 2)), {p: "v"}[(1, 2)], sorted([Point(2, 1), Point(1, 5), Point(1, 2)]))
print(p.count(1), p.index(2), isinstance(p, tuple), max(p), p * 2 if False else tuple.__mul__(p, 2))
try:
    p.z = 1
except AttributeError as e:
    print(type(e).__name__, e)
class Pair(tuple):
    def swap(self):
        return Pair(reversed(self))
pp = Pair([1, 2])
print(pp, pp.swap(), type(pp.swap()).__name__, repr(Pair("ab")))
class Record(tuple):
    fields = ("name", "qty")
    def __new__(cls, *vals):
        if len(vals) != len(cls.fields):
            raise TypeError("%s expects %d values, got %d" % (cls.__name__, len(cls.fields), len(vals)))
        return super().__new__(cls, vals)
    def __getattr__(self, name):
        try:
            return self[self.fields.index(name)]
        except ValueError:
            raise AttributeError(name) from None
    def asdict(self):
        return dict(zip(self.fields, self))
r = Record("apple", 3)
print(r, r.name, r.qty, r.asdict())
try:
    Record("x")
except TypeError as e:
    print(type(e).__name__, e)
print(f"{r}", str(r), "%s" % (r,))

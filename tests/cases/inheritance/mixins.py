class ReprMixin:
    def __repr__(self):
        fields = ", ".join("%s=%r" % (k, v) for k, v in self.__dict__.items())
        return "%s(%s)" % (type(self).__name__, fields)
class EqMixin:
    def __eq__(self, other):
        return type(self) is type(other) and self.__dict__ == other.__dict__
    def __ne__(self, other):
        r = self.__eq__(other)
        return not r
class DictMixin:
    def to_dict(self):
        out = {}
        for k, v in self.__dict__.items():
            out[k] = v.to_dict() if isinstance(v, DictMixin) else v
        return out
class OrderMixin:
    def _key(self):
        return tuple(self.__dict__.values())
    def __lt__(self, other):
        return self._key() < other._key()

class Point(ReprMixin, EqMixin, DictMixin, OrderMixin):
    __hash__ = None
    def __init__(self, x, y):
        self.x = x
        self.y = y
class Line(ReprMixin, DictMixin):
    def __init__(self, a, b):
        self.a = a
        self.b = b

p, q = Point(1, 2), Point(1, 2)
print(p, p == q, p != q, p == Point(2, 1), p is q)
print(p == "x", p != 3)
l = Line(p, Point(3, 4))
print(l)
print(l.to_dict())
print(sorted([Point(3, 1), Point(1, 5), Point(1, 2)]))
print(isinstance(p, ReprMixin), [k.__name__ for k in Point.__mro__])
try:
    {p}
except TypeError as e:
    print(type(e).__name__, e)
class Timestamped:
    clock = 0
    def stamp(self):
        Timestamped.clock += 1
        self.stamped_at = Timestamped.clock
        return self
class Event(ReprMixin, Timestamped):
    def __init__(self, name):
        self.name = name
print(Event("a").stamp(), Event("b").stamp(), Event("c"))

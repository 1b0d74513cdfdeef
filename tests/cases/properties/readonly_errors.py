class Point:
    def __init__(self, x, y):
        self._x, self._y = x, y
    @property
    def x(self):
        return self._x
    @property
    def y(self):
        return self._y
    @property
    def norm2(self):
        return self.x ** 2 + self.y ** 2
p = Point(3, 4)
print(p.x, p.y, p.norm2)
for name in ("x", "norm2"):
    try:
        setattr(p, name, 0)
    except AttributeError as e:
        print(type(e).__name__, e)
    try:
        delattr(p, name)
    except AttributeError as e:
        print(type(e).__name__, e)
try:
    p.x += 1
except AttributeError as e:
    print(type(e).__name__, e)
class Sub(Point):
    pass
try:
    Sub(1, 2).y = 7
except AttributeError as e:
    print(type(e).__name__, e)
class WriteOnly:
    def _set(self, v):
        self._v = v
    value = property(None, _set)
w = WriteOnly()
w.value = 3
print(w._v)
try:
    w.value
except AttributeError as e:
    print(type(e).__name__, e)
class Anon:
    x = property(lambda self: "lam")
a = Anon()
print(a.x)
try:
    a.x = 1
except AttributeError as e:
    print(type(e).__name__, e)
Point.x = 100
print(p.x)
print(Point(1, 1).norm2)

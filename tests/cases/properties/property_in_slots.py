class Vec2:
    __slots__ = ("_x", "_y")
    def __init__(self, x, y):
        self._x = x
        self._y = y
    @property
    def x(self):
        return self._x
    @x.setter
    def x(self, v):
        self._x = float(v)
    @property
    def y(self):
        return self._y
    @property
    def length2(self):
        return self._x * self._x + self._y * self._y
    def __repr__(self):
        return "Vec2(%r, %r)" % (self._x, self._y)
v = Vec2(1, 2)
print(v, v.x, v.y, v.length2)
v.x = "3.5"
print(v, v.length2)
try:
    v.y = 1
except AttributeError as e:
    print(type(e).__name__, e)
vs = [Vec2(i, -i) for i in range(4)]
print([p.length2 for p in vs], max(vs, key=lambda p: p.length2))

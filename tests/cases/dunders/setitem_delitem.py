class Grid:
    def __init__(self, w, h, fill="."):
        self.w, self.h = w, h
        self.cells = {}
        self.fill = fill
    def _check(self, key):
        if not isinstance(key, tuple) or len(key) != 2:
            raise TypeError("Grid key must be (x, y), not %r" % (key,))
        x, y = key
        if not (0 <= x < self.w and 0 <= y < self.h):
            raise IndexError("cell %r out of bounds" % (key,))
    def __getitem__(self, key):
        self._check(key)
        return self.cells.get(key, self.fill)
    def __setitem__(self, key, value):
        print("  set", key, value)
        self._check(key)
        self.cells[key] = value
    def __delitem__(self, key):
        print("  del", key)
        self._check(key)
        del self.cells[key]
    def render(self):
        return "\n".join("".join(self[x, y] for x in range(self.w)) for y in range(self.h))

g = Grid(4, 3)
g[0, 0] = "#"
g[3, 2] = "@"
g[1, 1] = "*"
print(g.render())
del g[1, 1]
print(g.render())
for bad in [(5, 0), 3, (1, 2, 3)]:
    try:
        g[bad] = "x"
    except (TypeError, IndexError) as e:
        print(type(e).__name__, e)
try:
    del g[2, 2]
except KeyError as e:
    print(type(e).__name__, e)
g[0, 1] = g[0, 0] * 2 if False else g[0, 0]
a = b = (2, 0)
g[a] = "a"
print(g.cells)
class Rec:
    def __init__(self):
        self.log = []
    def __getitem__(self, k):
        self.log.append(("get", k))
        return 10
    def __setitem__(self, k, v):
        self.log.append(("set", k, v))
    def __delitem__(self, k):
        self.log.append(("del", k))
r = Rec()
r[1] += 5
r["k"] *= 2
r[1:3] = [0]
del r[::2]
r[1], r[2] = "x", "y"
r[0] = r[1] = "chain"
del r[0], r[1]
for i, r[i] in enumerate("ab"):
    pass
print(r.log)
class ReadOnly:
    def __getitem__(self, k):
        return k
ro = ReadOnly()
try:
    ro[1] = 2
except TypeError as e:
    print(type(e).__name__, e)
try:
    del ro[1]
except TypeError as e:
    print(type(e).__name__, e)
class SetOnly:
    def __setitem__(self, k, v):
        pass
so = SetOnly()
so[1] = 2
try:
    so[1]
except TypeError as e:
    print(type(e).__name__, e)
try:
    so[1] += 1
except TypeError as e:
    print(type(e).__name__, e)

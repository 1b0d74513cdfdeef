class Cache:
    def __init__(self):
        self._data = None
        self.loads = 0
    @property
    def data(self):
        if self._data is None:
            self.loads += 1
            print("  loading")
            self._data = [1, 2, 3]
        return self._data
    @data.setter
    def data(self, v):
        print("  setting", v)
        self._data = list(v)
    @data.deleter
    def data(self):
        print("  invalidating")
        self._data = None
c = Cache()
print(c.data, c.data, c.loads)
del c.data
print(c.data, c.loads)
c.data = "ab"
print(c.data, c.loads)
del c.data
del c.data
print(c._data)
print(Cache.data.fdel is not None, Cache.data.fget.__name__, Cache.data.fdel.__name__)
p = Cache.data
print(p.getter is not None, type(p.deleter(None)).__name__)
class Unsettable:
    @property
    def x(self):
        return 1
    @x.deleter
    def x(self):
        print("  deleting x")
u = Unsettable()
del u.x
try:
    u.x = 5
except AttributeError as e:
    print(type(e).__name__, e)
print(u.x)

class Bag:
    items = []
    tags = ()
    count = 0
    def add(self, x):
        self.items.append(x)
    def tag(self, t):
        self.tags = self.tags + (t,)
    def bump(self):
        self.count += 1

a, b = Bag(), Bag()
a.add(1); b.add(2)
print(a.items, b.items, Bag.items, a.items is b.items)
a.tag("x"); a.tag("y"); b.tag("z")
print(a.tags, b.tags, Bag.tags)
a.bump(); a.bump(); b.bump()
print(a.count, b.count, Bag.count)
print(sorted(a.__dict__), sorted(b.__dict__))
Bag.count = 100
c = Bag()
print(a.count, c.count)
del a.count
print(a.count)
a.items = ["own"]
print(a.items, b.items)

class Fixed:
    def __init__(self):
        self.items = []
f1, f2 = Fixed(), Fixed()
f1.items.append("only f1")
print(f1.items, f2.items)

class Shared:
    cache = {}
    def put(self, k, v):
        Shared.cache[k] = v
    @classmethod
    def size(cls):
        return len(cls.cache)
class Sub(Shared):
    pass
Shared().put("a", 1)
Sub().put("b", 2)
print(Shared.size(), Sub.size(), Sub.cache is Shared.cache)
Sub.cache = {"own": 1}
Sub().put("c", 3)
print(Shared.cache, Sub.cache, Sub.size())

class Defaults:
    def __init__(self, seen=[]):
        seen.append(len(seen))
        self.seen = seen
d1 = Defaults(); d2 = Defaults(); d3 = Defaults([])
print(d1.seen, d2.seen is d1.seen, d3.seen)

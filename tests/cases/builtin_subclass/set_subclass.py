class TagSet(set):
    def __init__(self, items=()):
        super().__init__(t.lower() for t in items)
    def add(self, t):
        super().add(t.lower())
    def __repr__(self):
        return "TagSet(%s)" % sorted(self)
s = TagSet(["A", "b", "B"])
s.add("C")
print(s, len(s), "a" in s, "A" in s)
u = s | {"z"}
print(type(u).__name__, sorted(u), type(s & {"a"}).__name__, type(s - {"a"}).__name__)
print(s == {"a", "b", "c"}, s <= {"a", "b", "c", "d"}, isinstance(s, set))
s.update(["D"])
print(s)
s |= {"E"}
print(type(s).__name__, s)
class FS(frozenset):
    def __new__(cls, *items):
        return super().__new__(cls, items)
    def __repr__(self):
        return "FS%s" % (tuple(sorted(self)),)
f = FS(3, 1, 2, 3)
print(f, len(f), hash(f) == hash(frozenset({1, 2, 3})), {f: 1}[frozenset({1, 2, 3})])
print(type(f | {9}).__name__, f.union({0}), type(f.copy()).__name__)

class C:
    def __len__(self):
        return 1
c = C()
c.__len__ = lambda: 99
print(len(c), c.__len__())
C.__len__ = lambda self: 2
print(len(c))
class D:
    pass
d = D()
d.__repr__ = lambda: "instance repr"
d.__str__ = lambda: "instance str"
print(repr(d) == d.__repr__(), str(d) == "instance str")
D.__repr__ = lambda self: "class repr"
print(repr(d), str(d))
D.__add__ = lambda self, o: "added " + str(o)
print(d + 1)
D.__radd__ = lambda self, o: "radded " + str(o)
print(1 + d)
D.__getitem__ = lambda self, k: k * 2
print(d[21], d["ab"])
D.__call__ = lambda self, *a: ("called", a)
print(d(1, 2))
D.__iter__ = lambda self: iter("xyz")
print(list(d), "y" in d)
D.__bool__ = lambda self: False
print(bool(d), "falsy" if not d else "truthy")
D.__eq__ = lambda self, o: True
print(d == 5, D.__hash__ is None)
del D.__add__
try:
    d + 1
except TypeError as e:
    print(type(e).__name__, e)
class WithGetattr:
    def __getattr__(self, name):
        return lambda *a: "from getattr " + name
w = WithGetattr()
print(w.__len__())
try:
    len(w)
except TypeError as e:
    print(type(e).__name__, e)
try:
    w + 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    iter(w)
except TypeError as e:
    print(type(e).__name__, e)
class Base:
    def __str__(self):
        return "Base.__str__"
class Child(Base):
    pass
ch = Child()
print(str(ch))
Base.__str__ = lambda self: "patched"
print(str(ch))
Child.__str__ = lambda self: "child patched"
print(str(ch), str(Base()))
del Child.__str__
print(str(ch))

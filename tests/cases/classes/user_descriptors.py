class D:
    def __get__(self, obj, t=None):
        return ('got', obj is None, t.__name__)
class N:
    def __set_name__(self, owner, name):
        print('set_name', owner.__name__, name)
        self.name = name
class Typed:
    def __init__(self, kind): self.kind = kind
    def __set_name__(self, owner, name): self.priv = "_" + name
    def __get__(self, obj, objtype=None):
        if obj is None: return self
        return getattr(obj, self.priv, None)
    def __set__(self, obj, value):
        if not isinstance(value, self.kind): raise TypeError(f"{self.priv[1:]} must be {self.kind.__name__}")
        setattr(obj, self.priv, value)
    def __delete__(self, obj):
        print("deleting", self.priv)
        delattr(obj, self.priv)
class C:
    d = D()
    n = N()
    age = Typed(int)
c = C()
print(c.d, C.d)
c.d = 5          # non-data descriptor: instance dict wins afterwards
print(c.d, c.__dict__)
c.age = 3
for i in range(3):
    c.age = c.age + 1
print(c.age, sorted(c.__dict__), type(C.age).__name__)
try:
    c.age = "x"
except TypeError as e:
    print(e)
del c.age
print(c.age)
class RO:
    def __get__(self, o, t=None): return 1
    def __delete__(self, o): pass
class H:
    x = RO()
h = H()
try:
    h.x = 2
except AttributeError as e:
    print("AttributeError", e)
print(h.x)

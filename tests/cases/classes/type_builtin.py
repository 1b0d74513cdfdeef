class A:
    pass
a = A()
print(type(a) is A, type(a) == A, type(A) is type)
print(type(type) is type, type(object) is type)
print(type(1), type("s"), type([]), type(None), type(type))
print(type(3.5).__name__, type(True).__name__, type(len).__name__)

def init(self, v):
    self.v = v
def show(self):
    return "B(%r)" % (self.v,)
B = type("B", (), {"__init__": init, "show": show, "kind": "dynamic"})
b = B(5)
print(b.show(), b.kind, B.__name__, type(b).__name__)
print(B.__qualname__, B.__module__)
print(B.__bases__, B.__mro__)

C = type("C", (A,), {})
print(C.__bases__, isinstance(C(), A), C.__name__)
D = type("D", (B, A), {"extra": lambda self: self.v * 2})
d = D(21)
print(d.show(), d.extra(), [k.__name__ for k in D.__mro__])

for args in [(), (1, 2), ("X", (), {}, 4)]:
    try:
        type(*args)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    type("X", "notatuple", {})
except TypeError as e:
    print(type(e).__name__, e)
try:
    type("X", (), [])
except TypeError as e:
    print(type(e).__name__, e)
try:
    type(1, (), {})
except TypeError as e:
    print(type(e).__name__, e)

E = type("E", (), {"__doc__": "made by type", "x": [1, 2]})
print(E.__doc__, E.x)
e1, e2 = E(), E()
e1.x.append(3)
print(e2.x)
print(type(E) is type, isinstance(E, type), isinstance(e1, type))
print(type(a).__name__, a.__class__ is A)
klass = type(a)
print(type(klass()) is A)
print(type(int)(7) if False else type(7)(8))
print(type("abc")("xyz"), type([1])((1, 2)))

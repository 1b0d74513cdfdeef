class Meters:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return "%gm" % self.v
    def __add__(self, o):
        print("  __add__", self, o)
        if isinstance(o, Meters):
            return Meters(self.v + o.v)
        if isinstance(o, (int, float)):
            return Meters(self.v + o)
        return NotImplemented
    def __radd__(self, o):
        print("  __radd__", self, o)
        return self.__add__(o)
    def __rsub__(self, o):
        return Meters(o - self.v)
    def __rmul__(self, o):
        return Meters(o * self.v)
    def __rtruediv__(self, o):
        return o / self.v
    def __rpow__(self, o):
        return o ** self.v
    def __rmatmul__(self, o):
        return "rmatmul"
    def __rfloordiv__(self, o):
        return "rfloordiv"
    def __rmod__(self, o):
        return "rmod:" + repr(o)
    def __rdivmod__(self, o):
        return "rdivmod"
    def __rlshift__(self, o): return "rlshift"
    def __rrshift__(self, o): return "rrshift"
    def __rand__(self, o): return "rand"
    def __ror__(self, o): return "ror"
    def __rxor__(self, o): return "rxor"
print(Meters(1) + Meters(2))
print(5 + Meters(2))
print(sum([Meters(1), Meters(2), Meters(3)]))
print(10 - Meters(3), 3 * Meters(2), 6 / Meters(4), 2 ** Meters(3))
print([1] @ Meters(1), 7 // Meters(2), "fmt%s" % Meters(1) if False else 7 % Meters(2), divmod(1, Meters(1)))
print(1 << Meters(1), 1 >> Meters(1), 1 & Meters(1), 1 | Meters(1), 1 ^ Meters(1))
print("str %s" % (Meters(3),))
print("x" % Meters(1) if False else "done")
try:
    pow(2, Meters(3), 5)
except TypeError as e:
    print(type(e).__name__, e)
class A:
    def __add__(self, o):
        print("  A.__add__")
        return NotImplemented
    def __radd__(self, o):
        print("  A.__radd__")
        return NotImplemented
class B(A):
    def __add__(self, o):
        print("  B.__add__")
        return "B.add"
    def __radd__(self, o):
        print("  B.__radd__")
        return "B.radd"
print(A() + B())
print(B() + A())
class C(A):
    pass
try:
    A() + C()
except TypeError as e:
    print(type(e).__name__, e)
class D:
    def __radd__(self, o):
        print("  D.__radd__")
        return "D.radd"
print(A() + D())
print([1] + D(), "s" + D(), 1.5 + D())
class E:
    def __add__(self, o):
        return "E.add"
class F(E):
    def __radd__(self, o):
        return "F.radd"
print(E() + F(), F() + E())
class SameType:
    def __radd__(self, o):
        return "radd"
try:
    SameType() + SameType()
except TypeError as e:
    print(type(e).__name__, e)

class V:
    def __init__(self, x):
        self.x = x
    def __eq__(self, other):
        print("V.__eq__", self.x, getattr(other, "x", other))
        if isinstance(other, V):
            return self.x == other.x
        return NotImplemented
    __hash__ = None

a, b, c = V(1), V(1), V(2)
print(a == b)
print(a != b)
print(a != c)
print(a == 1)
print(1 == a)
print(a != "s")
print(a in [V(0), V(1)])
print([V(3)].count(V(3)))
print([V(5), V(6)].index(V(6)))
class NeOnly:
    def __ne__(self, other):
        return "custom ne"
n = NeOnly()
print(n != 1, n == n, n == 1)
class EqReturnsObj:
    def __eq__(self, other):
        return [1]
    def __hash__(self):
        return 1
e = EqReturnsObj()
print(e == 1, e != 1)
class EqReturnsZero:
    def __eq__(self, other):
        return 0
print(EqReturnsZero() == 1, EqReturnsZero() != 1)
class Always:
    def __eq__(self, other):
        return True
al = Always()
print(al == None, None == al, al == al, [1, 2] == al, al in [5])
class Never:
    def __eq__(self, other):
        return False
nv = Never()
print(nv == nv, nv in [nv], [nv] == [nv], (nv,) == (nv,), [nv].count(nv))
print(nv != nv)
class Base:
    def __eq__(self, other):
        print("Base.__eq__")
        return NotImplemented
class Derived(Base):
    def __eq__(self, other):
        print("Derived.__eq__")
        return NotImplemented
x, y = Base(), Derived()
print(x == y)
print(y == x)
print(x != y)
print(x == x)

class Base:
    def who(self):
        return ["Base"]
class Left(Base):
    def who(self):
        return ["Left"] + super().who()
class Right(Base):
    def who(self):
        return ["Right"] + super().who()
class Bottom(Left, Right):
    def who(self):
        return ["Bottom"] + super().who()

def names(cls):
    return [c.__name__ for c in cls.__mro__]
print(names(Bottom))
print(Bottom().who())
print([c.__name__ for c in Bottom.mro()])
class Bottom2(Right, Left):
    def who(self):
        return ["Bottom2"] + super().who()
print(names(Bottom2), Bottom2().who())
print(Left().who(), Right().who())
print(super(Left, Bottom()).who())
class X: pass
class Y: pass
class Z(X, Y): pass
class W(Z, Y): pass
print(names(W))
class V(Y, X): pass
try:
    class Bad(Z, V):
        pass
except TypeError as e:
    print(type(e).__name__, e)
class M1: x = "M1"
class M2: x = "M2"
class M3(M1): pass
class M4(M3, M2): pass
print(M4.x, names(M4))
class N(M2, M3): pass
print(N.x, names(N))

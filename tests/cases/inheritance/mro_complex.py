class O: pass
class F(O): pass
class E(O): pass
class D(O): pass
class C(D, F): pass
class B(D, E): pass
class A(B, C): pass
def names(cls):
    return " ".join(c.__name__ for c in cls.__mro__)
for k in (A, B, C, D, E, F, O):
    print(k.__name__, ":", names(k))

class K1: pass
class K2: pass
class K3: pass
class K4: pass
class K5: pass
class P1(K1, K2, K3): pass
class P2(K4, K2, K5): pass
class P3(K4, K1): pass
class Z(P1, P2, P3): pass
print(names(Z))

class Boat: pass
class DayBoat(Boat): pass
class WheelBoat(Boat): pass
class EngineLess(DayBoat): pass
class SmallMultihull(DayBoat): pass
class PedalWheelBoat(EngineLess, WheelBoat): pass
class SmallCatamaran(SmallMultihull): pass
class Pedalo(PedalWheelBoat, SmallCatamaran): pass
print(names(Pedalo))
class G1: pass
class G2(G1): pass
class G3(G1, object): pass
print(names(G3))
try:
    class G4(object, G1):
        pass
except TypeError as e:
    print(type(e).__name__, str(e).replace("\n", " "))
class H(int): pass
class H2(H, float.__base__ if False else object): pass
print(names(H2))
class S(str): pass
class S2(S): pass
print(names(S2), names(bool))

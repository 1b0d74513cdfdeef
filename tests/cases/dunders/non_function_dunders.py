class A:
    __init__ = print
A('arg')
rec = []
class B:
    __init__ = rec.append
B(5); print(rec)
class G:
    def greet(self): return 'hi'
class Bar:
    __repr__ = G().greet
print(repr(Bar()))
class Approx(float):
    __hash__ = float.__hash__
    __eq__ = lambda s, o: True
print(hash(Approx(1.5)) == hash(1.5), Approx(1) == 3)
class L:
    __len__ = lambda self: 4
    __getitem__ = staticmethod(lambda i: i * 2)
print(len(L()), L()[3])
class S:
    @staticmethod
    def __init__(*a): print("static init", a)
S(1, 2)

# Sequences meeting user classes: reflected operators, __index__, subclasses, __eq__/__hash__.
class R:
    def __radd__(self, other):
        return ("radd", other)
    def __rmul__(self, other):
        return ("rmul", other)
class Idx:
    def __index__(self):
        return 2
print([1] + R(), (1,) + R(), [1] * R(), (1,) * R(), [1, 2] * Idx(), (1,) * Idx(), Idx() * [3])
l = [1]
l += R()
print(l)
class NoR:
    pass
for f in [lambda: [1] + NoR(), lambda: [1] * NoR(), lambda: (1,) + NoR(), lambda: NoR() + [1], lambda: NoR() * (1,)]:
    try:
        f()
    except TypeError as e:
        print(e)
class L(list):
    def __init__(self, x):
        super().__init__(x * 2)
print(L([1]), type(L([1])).__name__, L("ab") + [1], type(L([1]) + [1]).__name__, L([3, 1]) == [3, 1, 3, 1])
class T(tuple):
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))
    def total(self):
        return self[0] + self[1]
t = T(1, 2)
print(t, t.total(), type(t).__name__, t + (3,), len(t), hash(t) == hash((1, 2)), t == (1, 2))
m = L([5, 3])
m.sort()
print(m, sorted(m, reverse=True), list(reversed(m)), m[::-1], type(m[:]).__name__)
class E:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return isinstance(o, E) and self.v == o.v
    def __hash__(self):
        return hash(self.v)
print(E(1) in [E(0), E(1)], [E(1)].index(E(1)), (E(2), E(2)).count(E(2)), hash((E(5),)) == hash((5,)))
print(range(10)[Idx()], [0, 1, 2, 3][Idx():], list(range(5))[Idx()], slice(Idx()).indices(10))
class Rev:
    def __len__(self):
        return 2
    def __getitem__(self, i):
        if i >= 2:
            raise IndexError
        return i
print(list(reversed(Rev())), list(Rev()), list(enumerate(Rev())), list(zip(Rev(), Rev())))

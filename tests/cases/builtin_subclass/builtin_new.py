# T.__new__ of built-in types: direct calls, subclasses, the checks
print(int.__new__(int, 5), int.__new__(int, "12", 8), float.__new__(float), str.__new__(str))
print(str.__new__(str, "a"), float.__new__(float, "1.5"), tuple.__new__(tuple, [1, 2]))
print(list.__new__(list, [1]), dict.__new__(dict, a=1), set.__new__(set, [1]))
print(frozenset.__new__(frozenset, [1]), bytes.__new__(bytes, b"ab"), bytearray.__new__(bytearray, b"ab"))
print(complex.__new__(complex, 1, 2), bool.__new__(bool, 1), range.__new__(range, 3))
e = ValueError.__new__(ValueError, "x", 2)
print(repr(e), e.args, type(e).__name__)
print(type(type.__new__(type, "X", (), {})).__name__)


class I(int):
    def __new__(cls, v):
        return int.__new__(cls, v * 2)


class S(str):
    def __new__(cls, v):
        return super().__new__(cls, v.upper())


class P(tuple):
    def __new__(cls, a, b):
        return tuple.__new__(cls, (a, b))


class L(list):
    pass


print(I(4), type(I(4)).__name__, S("abc"), type(S("x")).__name__, P(1, 2), type(P(1, 2)).__name__)
print(I.__new__(I, 3), type(I.__new__(I, 3)).__name__, L.__new__(L, [1, 2]), type(L.__new__(L)).__name__)


class Plain:
    def __init__(self, x):
        self.x = x


p = object.__new__(Plain)
print(type(p).__name__, hasattr(p, "x"))
for call in (
    lambda: int.__new__(str, 5),
    lambda: int.__new__(5),
    lambda: int.__new__(),
    lambda: int.__new__(bool, 1),
    lambda: object.__new__(int),
    lambda: object.__new__(I, 3),
    lambda: object.__new__(Plain, 1),
    lambda: str.__new__(int),
    lambda: int.__new__(int, x=5),
    lambda: list.__new__(tuple),
):
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
print("__new__" in dir(int), "__new__" in dir(list), "__new__" in dir(object))
print(repr(int.__new__)[:30], repr(str.maketrans)[:32])
X = type.__new__(type, "X", (), {"a": 1})
print(X.a, X.__name__)
try: type.__new__(int, "X", (), {})
except TypeError as e: print(e)
try: type.__new__(type)
except TypeError as e: print(e)

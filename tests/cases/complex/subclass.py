# Classes derived from complex, and __complex__ / __float__ / __index__
# in the constructor.
def show(f):
    try:
        return repr(f())
    except Exception as e:
        return type(e).__name__ + ": " + str(e)
class C:
    def __complex__(self):
        return 3 + 4j
class F:
    def __float__(self):
        return 2.5
class I:
    def __index__(self):
        return 7
class Bad:
    def __complex__(self):
        return 1
class BadF:
    def __float__(self):
        return 1
class BadI:
    def __index__(self):
        return "x"
class Both:
    def __complex__(self):
        return 1j
    def __float__(self):
        return 9.0
for args in [(C(),), (F(),), (I(),), (Bad(),), (C(), 1), (1, C()), (F(), F()), (I(), I()), (BadF(),),
             (BadI(),), (1, BadF()), (Both(),), (1, Both()), (Both(), Both()), (C(), []), ([], C()), (F(), 2j)]:
    print(show(lambda: complex(*args)))
class S(complex):
    def __repr__(self):
        return "S" + super().__repr__()
s = S(1, 2)
print(s, type(s).__name__, s + 1, type(s + 1).__name__, -s, type(-s).__name__, type(+s).__name__)
print(s.real, s == 1 + 2j, hash(s) == hash(1 + 2j), complex(s), type(complex(s)).__name__, str(s))
print(format(s, ".1f"), f"{s}", S("1+1j"), S(real=5), S(), isinstance(s, complex), s.conjugate())
s.x = 5
print(s.x, s.__dict__)
class T(complex):
    def __new__(cls, a):
        return super().__new__(cls, a, a)
print(T(3), type(T(3)).__name__)
class U(complex):
    def __add__(self, o):
        return "U.add"
    def __radd__(self, o):
        return "U.radd"
print(U(1) + 1, 1 + U(1), 1j + U(1), U(1) ** 2, abs(U(3, 4)), show(lambda: pow(U(1), 2, 3)))
class V(complex):
    def __complex__(self):
        return 42j
print(complex(V(1, 1)), V(1, 1) + 0)
class W(float):
    pass
class X(int):
    def __float__(self):
        return 0.5
print(complex(W(1.5), W(2.5)), complex(X(3)), complex(X(3), X(4)), W(2.0) * 1j, X(2) + 1j)
print(show(lambda: complex(S(1, 2), "x")), show(lambda: complex(S(1, 2), S(3, 4))))
# real and imag are read-only members, on complex and on subclasses
z = 1j
def set_real():
    z.real = 1
def del_imag():
    del z.imag
def set_method():
    z.conjugate = 1
def sub_real():
    s.real = 2
def sub_del():
    del s.imag
for fn in (set_real, del_imag, set_method, sub_real, sub_del):
    print(show(fn))
s.conjugate = 3
print(s.conjugate, z.real, s.imag)

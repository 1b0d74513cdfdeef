class Money(int):
    def __repr__(self):
        return "Money(%d)" % int(self)
    def __str__(self):
        return "$%d.%02d" % divmod(int(self), 100)
m = Money(1234)
print(m, repr(m), m + 1, type(m + 1).__name__, m * 2, -m, type(-m).__name__)
print(m == 1234, m > 1000, isinstance(m, int), int(m), type(int(m)).__name__)
print(hash(m) == hash(1234), {1234: "x"}[m], [0] * Money(2), "ab"[Money(1)])
class Positive(int):
    def __new__(cls, v):
        v = int(v)
        if v <= 0:
            raise ValueError("not positive: %d" % v)
        return super().__new__(cls, v)
print(Positive(5), Positive("7"), Positive(3.9))
for bad in (0, -2, "x"):
    try:
        Positive(bad)
    except ValueError as e:
        print(type(e).__name__, e)
class Mod7(int):
    def __new__(cls, v):
        return super().__new__(cls, v % 7)
    def __add__(self, o):
        return Mod7(int(self) + int(o))
    __radd__ = __add__
    def __mul__(self, o):
        return Mod7(int(self) * int(o))
    def __repr__(self):
        return "%d (mod 7)" % int(self)
a = Mod7(12)
print(a, a + 3, 3 + a, a * 4, a + a + a, sum([Mod7(3)] * 5, Mod7(0)))
print(a - 1, type(a - 1).__name__, a // 2, a ** 2, a << 1)
class Flags(int):
    names = {1: "READ", 2: "WRITE", 4: "EXEC"}
    def __or__(self, o):
        return Flags(int(self) | int(o))
    def __str__(self):
        return "|".join(n for b, n in self.names.items() if self & b) or "NONE"
rw = Flags(1) | Flags(2)
print(rw, int(rw), Flags(0), Flags(7), rw | 4, type(rw & 1).__name__)
print(True + True, True * 10, isinstance(True, int), int(True), True == 1, hash(True) == hash(1))
print(bool.__mro__, type(True + 0).__name__)
try:
    class B(bool):
        pass
except TypeError as e:
    print(type(e).__name__, e)
class Big(int):
    pass
b = Big(10 ** 20)
print(b, b + 1, b.bit_length(), str(b)[:5], f"{b:,}")
print(format(Money(5), "d"), f"{Money(5)}", f"{Money(255):x}")

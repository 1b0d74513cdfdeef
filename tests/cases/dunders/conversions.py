class Celsius:
    def __init__(self, v):
        self.v = v
    def __int__(self):
        return int(self.v)
    def __float__(self):
        return float(self.v)
    def __round__(self, ndigits=None):
        print("  __round__", ndigits)
        if ndigits is None:
            return int(self.v + 0.5)
        return Celsius(round(self.v, ndigits))
    def __repr__(self):
        return "Celsius(%r)" % self.v
c = Celsius(21.567)
print(int(c), float(c), round(c), round(c, 1), round(c, ndigits=2))
class Idx:
    def __init__(self, i):
        self.i = i
    def __index__(self):
        return self.i
i2 = Idx(2)
print([10, 20, 30][i2], "abcdef"[i2:Idx(4)], (1, 2, 3)[Idx(-1)])
print(bin(Idx(5)), hex(Idx(255)), oct(Idx(8)), list(range(Idx(3))), range(10)[Idx(7)])
print(int(Idx(9)), float(Idx(4)), "%d" % Idx(3) if False else "%x" % Idx(255))
print([0] * Idx(3), "ab" * Idx(2))
l = [1, 2, 3, 4, 5]
l[Idx(0)] = "zero"
del l[Idx(1):Idx(3)]
print(l, l.pop(Idx(0)), l)
class BadIndex:
    def __index__(self):
        return "3"
for f in (lambda: [1, 2][BadIndex()], lambda: bin(BadIndex()), lambda: range(BadIndex())):
    try:
        f()
    except TypeError as e:
        print(type(e).__name__, e)
class BadInt:
    def __int__(self):
        return 3.5
try:
    int(BadInt())
except TypeError as e:
    print(type(e).__name__, e)
class BadFloat:
    def __float__(self):
        return "x"
try:
    float(BadFloat())
except TypeError as e:
    print(type(e).__name__, e)
class IntFromIndex:
    def __index__(self):
        return 7
print(int(IntFromIndex()), float(IntFromIndex()))
class OnlyFloat:
    def __float__(self):
        return 2.5
try:
    int(OnlyFloat())
except TypeError as e:
    print(type(e).__name__, e)
print(float(OnlyFloat()))
try:
    [1][OnlyFloat()]
except TypeError as e:
    print(type(e).__name__, e)
class NoRound:
    pass
try:
    round(NoRound())
except TypeError as e:
    print(type(e).__name__, e)
class R:
    def __round__(self):
        return "no ndigits accepted"
print(round(R()))
try:
    round(R(), 2)
except TypeError as e:
    print(type(e).__name__, e)
print(int("12", base=Idx(8)))
print(str(Celsius(3)), "%s" % Celsius(4), "%.1f" % Celsius(2.25), "%.1f" % Celsius(1))

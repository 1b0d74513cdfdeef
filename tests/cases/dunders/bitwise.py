class Bits:
    def __init__(self, v, width=8):
        self.v = v & ((1 << width) - 1)
        self.width = width
    def __repr__(self):
        return "Bits(%s)" % format(self.v, "0%db" % self.width)
    def _other(self, o):
        return o.v if isinstance(o, Bits) else o
    def __and__(self, o): return Bits(self.v & self._other(o), self.width)
    def __or__(self, o): return Bits(self.v | self._other(o), self.width)
    def __xor__(self, o): return Bits(self.v ^ self._other(o), self.width)
    def __invert__(self): return Bits(~self.v, self.width)
    def __lshift__(self, n): return Bits(self.v << n, self.width)
    def __rshift__(self, n): return Bits(self.v >> n, self.width)
    __rand__ = __and__
    __ror__ = __or__
    __rxor__ = __xor__
    def __eq__(self, o):
        return self.v == self._other(o)
    def __hash__(self):
        return hash(self.v)
    def __index__(self):
        return self.v
a, b = Bits(0b1100), Bits(0b1010)
print(a & b, a | b, a ^ b, ~a, a << 2, a >> 3, a << 6)
print(0b1 | a, 0xFF & b, 3 ^ a)
print(a == 12, 12 == a, a != b, bin(a), hex(b))
x = Bits(1)
for _ in range(3):
    x <<= 1
    x |= 1
print(x)
print([Bits(i) & 1 for i in range(4)])
class Flags:
    def __init__(self, names=()):
        self.names = frozenset(names)
    def __or__(self, o):
        return Flags(self.names | o.names)
    def __and__(self, o):
        return Flags(self.names & o.names)
    def __sub__(self, o):
        return Flags(self.names - o.names)
    def __xor__(self, o):
        return Flags(self.names ^ o.names)
    def __contains__(self, n):
        return n in self.names
    def __bool__(self):
        return bool(self.names)
    def __repr__(self):
        return "Flags(%s)" % "|".join(sorted(self.names))
R, W, X = Flags("r"), Flags("w"), Flags("x")
rw = R | W
print(rw, rw & W, rw - R, rw ^ (W | X), "r" in rw, "x" in rw, bool(rw & X))
perm = Flags()
for f in (R, X, R):
    perm |= f
print(perm)
try:
    R | 1
except AttributeError as e:
    print(type(e).__name__, e)
class Plain:
    pass
for f in (lambda: Plain() & 1, lambda: 1 | Plain(), lambda: Plain() ^ Plain(), lambda: Plain() << 1, lambda: 1 >> Plain()):
    try:
        f()
    except TypeError as e:
        print(type(e).__name__, e)

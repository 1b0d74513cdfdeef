def gcd(a, b):
    while b:
        a, b = b, a % b
    return abs(a)
class Frac:
    def __init__(self, n, d=1):
        if d == 0:
            raise ZeroDivisionError("Frac(%d, 0)" % n)
        if d < 0:
            n, d = -n, -d
        g = gcd(n, d) or 1
        self.n, self.d = n // g, d // g
    @staticmethod
    def _coerce(o):
        if isinstance(o, Frac):
            return o
        if isinstance(o, int):
            return Frac(o)
        return None
    def __repr__(self):
        return "Frac(%d, %d)" % (self.n, self.d)
    def __str__(self):
        return "%d/%d" % (self.n, self.d) if self.d != 1 else str(self.n)
    def __add__(self, o):
        o = self._coerce(o)
        if o is None:
            return NotImplemented
        return Frac(self.n * o.d + o.n * self.d, self.d * o.d)
    __radd__ = __add__
    def __neg__(self):
        return Frac(-self.n, self.d)
    def __sub__(self, o):
        o = self._coerce(o)
        return NotImplemented if o is None else self + -o
    def __rsub__(self, o):
        o = self._coerce(o)
        return NotImplemented if o is None else o + -self
    def __mul__(self, o):
        o = self._coerce(o)
        return NotImplemented if o is None else Frac(self.n * o.n, self.d * o.d)
    __rmul__ = __mul__
    def __truediv__(self, o):
        o = self._coerce(o)
        return NotImplemented if o is None else Frac(self.n * o.d, self.d * o.n)
    def __rtruediv__(self, o):
        o = self._coerce(o)
        return NotImplemented if o is None else o / self
    def __pow__(self, k):
        if k < 0:
            return Frac(self.d ** -k, self.n ** -k)
        return Frac(self.n ** k, self.d ** k)
    def __eq__(self, o):
        o = self._coerce(o)
        return NotImplemented if o is None else (self.n, self.d) == (o.n, o.d)
    def __lt__(self, o):
        o = self._coerce(o)
        return NotImplemented if o is None else self.n * o.d < o.n * self.d
    def __gt__(self, o):
        o = self._coerce(o)
        return NotImplemented if o is None else o < self
    def __le__(self, o):
        return self == o or self < o
    def __hash__(self):
        return hash(self.n) if self.d == 1 else hash((self.n, self.d))
    def __float__(self):
        return self.n / self.d
    def __int__(self):
        return int(self.n / self.d)
    def __bool__(self):
        return self.n != 0
    def __abs__(self):
        return Frac(abs(self.n), self.d)
    def __round__(self, nd=None):
        return round(float(self), nd)
h, t = Frac(1, 2), Frac(1, 3)
print(h + t, h - t, h * t, h / t, t - h, -h, abs(t - h))
print(1 + h, h + 1, 1 - h, 2 * t, 1 / t, t ** 2, h ** -3)
print(repr(h + h), h + h == 1, 1 == h + h, h < t, t < h, h <= Frac(2, 4), t > h, t >= t)
print(float(t), int(Frac(7, 2)), int(Frac(-7, 2)), round(Frac(2, 3), 3), round(Frac(5, 2)))
print(sum([Frac(1, n) for n in range(1, 7)]))
print(sorted([Frac(3, 4), Frac(1, 8), 1, Frac(2, 3)]))
print(bool(Frac(0, 5)), bool(h), {Frac(2, 2): "one", 1: "int"}, len({Frac(4, 2), 2}))
print(max(Frac(1, 9), Frac(1, 10)), min([h, t, Frac(1, 4)]))
total = Frac(0)
for i in range(1, 11):
    total += Frac(1, i * (i + 1))
print(total)
try:
    Frac(1, 0)
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    h / 0
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    h + 0.5
except TypeError as e:
    print(type(e).__name__, e)
try:
    h < "x"
except TypeError as e:
    print(type(e).__name__, e)
print(h == "x", h != None)
print(f"{str(h):>6}|{float(h):.3f}|{h!r}")

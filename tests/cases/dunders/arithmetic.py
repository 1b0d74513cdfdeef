class Vec:
    def __init__(self, *c):
        self.c = tuple(c)
    def __repr__(self):
        return "Vec" + repr(self.c)
    def _zip(self, other, f):
        if isinstance(other, Vec):
            return Vec(*[f(a, b) for a, b in zip(self.c, other.c)])
        if isinstance(other, (int, float)):
            return Vec(*[f(a, other) for a in self.c])
        return NotImplemented
    def __add__(self, o): return self._zip(o, lambda a, b: a + b)
    def __sub__(self, o): return self._zip(o, lambda a, b: a - b)
    def __mul__(self, o): return self._zip(o, lambda a, b: a * b)
    def __truediv__(self, o): return self._zip(o, lambda a, b: a / b)
    def __floordiv__(self, o): return self._zip(o, lambda a, b: a // b)
    def __mod__(self, o): return self._zip(o, lambda a, b: a % b)
    def __pow__(self, o, mod=None):
        if mod is None:
            return self._zip(o, lambda a, b: a ** b)
        return self._zip(o, lambda a, b: pow(a, b, mod))
    def __matmul__(self, o):
        if not isinstance(o, Vec):
            return NotImplemented
        return sum(a * b for a, b in zip(self.c, o.c))
    def __divmod__(self, o):
        return (self // o, self % o)
    def __lshift__(self, n): return Vec(*(self.c[n:] + self.c[:n]))
    def __rshift__(self, n): return self << (len(self.c) - n)

a, b = Vec(1, 2, 3), Vec(4, 5, 6)
print(a + b, a - b, a * b, b / a, b // a, b % a)
print(a + 1, a * 2.5, b ** 2, a ** b, pow(b, 2, 7), pow(a, b, 5))
print(a @ b, divmod(b, 2), divmod(Vec(7, -7), Vec(2, 2)))
print(a << 1, a >> 1)
print(a + b * 2 - Vec(1, 1, 1), (a + b) * (a - b))
for expr in (lambda: a + "s", lambda: a @ 3, lambda: 3 @ a, lambda: 2 + a, lambda: a & b,
             lambda: pow(2, a), lambda: pow(a, 2, "m"), lambda: [1] * a, lambda: a % None):
    try:
        print(expr())
    except TypeError as e:
        print(type(e).__name__, e)
class Z:
    def __truediv__(self, o):
        return 1 / o
try:
    Z() / 0
except ZeroDivisionError as e:
    print(type(e).__name__, e)
class Str:
    def __init__(self, s):
        self.s = s
    def __add__(self, o):
        return Str(self.s + str(o))
    def __mul__(self, n):
        return Str(self.s * n)
    def __mod__(self, args):
        return Str(self.s.replace("%", str(args)))
    def __repr__(self):
        return "Str(%r)" % self.s
print(Str("a") + 1 + None, Str("ab") * 3, Str("x=%") % 5)
total = Str("")
for i in range(4):
    total = total + i
print(total)

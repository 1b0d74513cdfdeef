class Num:
    def __init__(self, v):
        self.v = v
    def __neg__(self):
        return Num(-self.v)
    def __pos__(self):
        return Num(+self.v if self.v >= 0 else self.v)
    def __abs__(self):
        return Num(abs(self.v))
    def __invert__(self):
        return Num(~self.v)
    def __repr__(self):
        return "Num(%r)" % self.v
n = Num(5)
print(-n, +n, abs(-n), ~n, -(-n), ~~n, -abs(Num(-3)))
print(- - - n, +-+n)
class Odd:
    def __neg__(self):
        return "negated"
    def __pos__(self):
        return 42
    def __abs__(self):
        return None
    def __invert__(self):
        return [1]
o = Odd()
print(-o, +o, abs(o), ~o)
class Nothing:
    pass
for f in (lambda x: -x, lambda x: +x, lambda x: abs(x), lambda x: ~x):
    try:
        f(Nothing())
    except TypeError as e:
        print(type(e).__name__, e)
for f in (lambda: -"s", lambda: ~1.5, lambda: +[1], lambda: abs("x"), lambda: ~None):
    try:
        f()
    except TypeError as e:
        print(type(e).__name__, e)
print(-True, ~True, +False, abs(-False), ~0, -0.0)
class Sub(int):
    def __neg__(self):
        return "Sub.__neg__"
print(-Sub(3), abs(Sub(-3)), ~Sub(3), +Sub(3), type(+Sub(3)).__name__)

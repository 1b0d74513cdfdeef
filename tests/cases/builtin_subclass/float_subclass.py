class Meters(float):
    def __repr__(self):
        return "%sm" % float.__repr__(self)
    def __add__(self, o):
        return Meters(float(self) + float(o))
    __radd__ = __add__
m = Meters(1.5)
print(m, repr(m), str(m), m + 1, 1 + m, m * 2, type(m * 2).__name__, sum([Meters(1), Meters(2.25)]))
print(m == 1.5, m < 2, int(m), round(m), f"{m:.3f}", f"{m}", "%.1f" % m, float(m), type(float(m)).__name__)
print(m.is_integer(), Meters(2.0).is_integer(), m.hex() == (1.5).hex(), abs(Meters(-2.5)), type(abs(Meters(-2.5))).__name__)
class Clamped(float):
    def __new__(cls, v, lo=0.0, hi=1.0):
        return super().__new__(cls, min(max(float(v), lo), hi))
print(Clamped(5), Clamped(-1), Clamped(0.25), Clamped("0.7"), Clamped(50, 0, 10))
try:
    Clamped("abc")
except ValueError as e:
    print(type(e).__name__, e)

class Temp:
    def __init__(self, c):
        self.c = c
    def __format__(self, spec):
        if spec.endswith("F"):
            return format(self.c * 9 / 5 + 32, spec[:-1] + "f") + "F"
        if spec.endswith("C"):
            return format(self.c, spec[:-1] + "f") + "C"
        return "Temp(" + str(self.c) + ")" + ("[" + spec + "]" if spec else "")
    def __str__(self):
        return "str-temp"
t = Temp(100)
print(f"{t:.1F}|{t:.0C}|{t}|{t:xyz}|{t!s}|{t!r:>5}" if False else f"{t:.1F}|{t:.0C}|{t}|{t:xyz}|{t!s}")
print(format(t, ".2F"), format(t), format(t, ""))
print("{:.3C} and {0:F}".format(t) if False else "{0:.3C} and {0:F}".format(t))
w = 8
print(f"{t:{w}.1F}")
print(f"{Temp(-40):.0F}={Temp(-40):.0C}")
class Plain:
    def __str__(self):
        return "plain"
p = Plain()
print(format(p), f"{p}", "{}".format(p), format(p, ""))
for spec in ("<10", ">3", "s", "d"):
    try:
        print(repr(format(p, spec)))
    except TypeError as e:
        print(type(e).__name__, e)
class BadFormat:
    def __format__(self, spec):
        return 123
try:
    format(BadFormat(), "x")
except TypeError as e:
    print(type(e).__name__, e)
try:
    f"{BadFormat()}"
except TypeError as e:
    print(type(e).__name__, e)
class Money(float):
    def __format__(self, spec):
        return "$" + super().__format__(spec or ".2f")
m = Money(3.14159)
print(f"{m}", f"{m:.4f}", format(m, "08.1f"), str(m))
class Spec:
    def __format__(self, spec):
        return "<" + spec + ">"
s = Spec()
print(f"{s:abc}", f"{s:{'nested'}}", f"{s:!r}", f"{s:>{w}}", "{0:{1}}".format(s, "dyn"))
class IntLike:
    def __index__(self):
        return 5
try:
    print(format(IntLike(), "d"))
except TypeError as e:
    print(type(e).__name__, e)

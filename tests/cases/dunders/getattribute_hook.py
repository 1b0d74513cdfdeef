class Logged:
    cls_val = 1
    def __init__(self):
        self.x = 10
    def __getattribute__(self, name):
        if not name.startswith("__"):
            print("  get", name)
        return object.__getattribute__(self, name)
    def method(self):
        return self.x + 1
lg = Logged()
print(lg.x)
print(lg.method())
print(lg.cls_val)
try:
    lg.missing
except AttributeError as e:
    print(type(e).__name__, e)
class WithFallback:
    def __init__(self):
        self.real = "real"
    def __getattribute__(self, name):
        if name == "blocked":
            raise AttributeError("blocked by getattribute")
        return super().__getattribute__(name)
    def __getattr__(self, name):
        return "fallback(" + name + ")"
w = WithFallback()
print(w.real, w.blocked, w.other)
class Upper:
    def __init__(self):
        self.name = "ann"
    def __getattribute__(self, name):
        v = object.__getattribute__(self, name)
        if isinstance(v, str):
            return v.upper()
        return v
u = Upper()
print(u.name, u.__dict__, type(u).__name__)
class Counts:
    def __init__(self):
        object.__setattr__(self, "n", 0)
    def __getattribute__(self, name):
        if name != "n":
            object.__setattr__(self, "n", object.__getattribute__(self, "n") + 1)
        return object.__getattribute__(self, name)
    def a(self):
        return self.b()
    def b(self):
        return "b"
c = Counts()
c.a(); c.a()
print(c.n)
class Hide:
    def __getattribute__(self, name):
        if name == "__dict__":
            return {"fake": True}
        return object.__getattribute__(self, name)
h = Hide()
h.real = 1
print(h.__dict__, h.real, vars(h))
class LenViaGetattribute:
    def __getattribute__(self, name):
        if name == "__len__":
            return lambda: 42
        return object.__getattribute__(self, name)
l = LenViaGetattribute()
print(l.__len__())
try:
    len(l)
except TypeError as e:
    print(type(e).__name__, e)
class RaisesOther:
    def __getattribute__(self, name):
        raise ValueError("nope " + name)
    def __getattr__(self, name):
        return "not reached"
try:
    RaisesOther().x
except ValueError as e:
    print(type(e).__name__, e)
print(type(RaisesOther()).__name__)

class Proxy:
    def __init__(self, target):
        self._target = target
        self.misses = []
    def __getattr__(self, name):
        self.misses.append(name)
        if name.startswith("secret"):
            raise AttributeError("no secrets: " + name)
        return getattr(self._target, name)
p = Proxy([3, 1, 2])
p.append(0)
print(p._target, p.count(1), p.misses)
p.sort()
print(p._target, p.misses)
print(hasattr(p, "secret_key"), getattr(p, "secret_x", "dflt"), p.misses[-2:])
try:
    p.secret_y
except AttributeError as e:
    print(type(e).__name__, e)
try:
    p.nonexistent
except AttributeError as e:
    print(type(e).__name__, e)
class Dyn:
    known = "class attr"
    def __init__(self):
        self.inst = "instance attr"
    def __getattr__(self, name):
        return "dyn:" + name
    @property
    def prop(self):
        return "property"
d = Dyn()
print(d.known, d.inst, d.prop, d.anything, d.__class__.__name__)
print(getattr(d, "x_y"), hasattr(d, "whatever"))
try:
    d.__len__
    print("got", d.__len__)
except AttributeError as e:
    print(type(e).__name__, e)
try:
    len(d)
except TypeError as e:
    print(type(e).__name__, e)
class Safe:
    def __init__(self):
        self.data = {"a": 1}
    def __getattr__(self, name):
        if name == "data":
            raise AttributeError(name)
        try:
            return self.data[name]
        except KeyError:
            raise AttributeError("%r has no field %r" % (type(self).__name__, name)) from None
s = Safe()
print(s.a)
try:
    s.b
except AttributeError as e:
    print(type(e).__name__, e, e.__cause__, e.__suppress_context__)
raw = object.__new__(Safe)
try:
    raw.a
except AttributeError as e:
    print(type(e).__name__, e)
class KeyErrorLeak:
    def __getattr__(self, name):
        return {}[name]
try:
    print(getattr(KeyErrorLeak(), "x", "default"))
except KeyError as e:
    print("KeyError escapes getattr default:", e)
try:
    print(hasattr(KeyErrorLeak(), "x"))
except KeyError as e:
    print("KeyError escapes hasattr:", e)
class Chain:
    def __init__(self, path=""):
        self.path = path
    def __getattr__(self, name):
        return Chain(self.path + "." + name if self.path else name)
print(Chain().a.b.c.path)

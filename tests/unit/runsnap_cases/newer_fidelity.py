# Objects of this session's fidelity work kept across every pause: a
# property subclass and its instances, exceptions with name/obj keywords,
# classes made by a non-class base's type, the recursion limit asked for.
import sys
class Cached(property):
    def __get__(self, obj, cls=None):
        if obj is None: return self
        v = self.fget(obj)
        obj.__dict__[self.fget.__name__] = v
        return v
class Upper(property):
    pass
class D:
    def __init__(self, base): self.base = base
    @Cached
    def val(self): return self.base * 7
    @Upper
    def up(self): return str(self.base).upper()
d = D(fetch(3))
print(d.val, d.up)
class NotFound(KeyError, AttributeError): pass
e = NotFound("k")
a = AttributeError("boom", name="x", obj=[1])
print(fetch(1), repr(e), str(e), a.name, a.obj)
class Maker:
    def __init__(self, name, bases, ns): self.name, self.keys = name, sorted(k for k in ns if k[0] != "_")
seed = Maker("seed", (), {})
got = fetch(2)
class Built(seed):
    x = got
print(type(Built).__name__, Built.name, Built.keys)
sys.setrecursionlimit(5000)
print(fetch(4), sys.getrecursionlimit(), type(D.__dict__["up"]).__name__, d.val)

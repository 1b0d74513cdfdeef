# property subclasses keep their class (and their own __get__); property's
# __get__/__set__/__delete__ can be called directly, as super() does.
class LoggedProp(property):
    def __get__(self, obj, cls=None):
        if obj is None:
            return self
        print("get", self.fget.__name__)
        return super().__get__(obj, cls)
class C:
    @LoggedProp
    def p(self): return 1
    @property
    def q(self): return 2
c = C()
print(c.p, type(C.__dict__["p"]).__name__, isinstance(C.__dict__["p"], property))
print(C.q.__get__(c), C.__dict__["q"].__get__(c, C))
print(type(C.p).__name__)
class Upper(property):
    pass
class C:
    def __init__(self): self._v = "x"
    @Upper
    def v(self): return self._v.upper()
    @v.setter
    def v(self, val): self._v = val
c = C()
print(c.v, type(C.__dict__["v"]).__name__)
c.v = "hello"
print(c.v)
try:
    del c.v
except AttributeError as e:
    print(e)
p = property(lambda s: 5)
print(p.__get__(c), p.__get__(None, C) is p)
for call in [lambda: p.__set__(c, 1), lambda: p.__delete__(c), lambda: p.__get__(), lambda: p.__get__(None)]:
    try: call()
    except (AttributeError, TypeError) as e: print(type(e).__name__, e)
class Cached(property):
    def __get__(self, obj, cls=None):
        if obj is None: return self
        v = self.fget(obj)
        obj.__dict__[self.fget.__name__] = v
        return v
class D:
    n = 0
    @Cached
    def val(self):
        D.n += 1
        return 42
d = D()
print(d.val, d.val, D.n, isinstance(D.val, property))

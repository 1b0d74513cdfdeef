class Plugin:
    registry = {}
    def __init_subclass__(cls, name=None, **kwargs):
        super().__init_subclass__(**kwargs)
        key = name or cls.__name__.lower()
        Plugin.registry[key] = cls
        cls.key = key
        print("registered", key, "for", cls.__name__)

class Alpha(Plugin):
    pass

class Beta(Plugin, name="b"):
    pass

class Gamma(Beta):
    pass

print(sorted(Plugin.registry))
print(Alpha.key, Beta.key, Gamma.key)
print("key" in Plugin.__dict__)

class Base:
    subclasses_seen = []
    def __init_subclass__(cls, **kw):
        print("Base.__init_subclass__", cls.__name__, sorted(kw.items()))
        Base.subclasses_seen.append(cls.__name__)
        super().__init_subclass__()

class Mid(Base, flavor="x", level=2):
    def __init_subclass__(cls, **kw):
        print("Mid.__init_subclass__", cls.__name__)
        super().__init_subclass__(**kw)

class Leaf(Mid, tag=1):
    pass
print(Base.subclasses_seen)

try:
    class Bad(object, unexpected=1):
        pass
except TypeError as e:
    print(type(e).__name__, e)

try:
    class Bad2(Alpha, name="z", extra=5):
        pass
except TypeError as e:
    print(type(e).__name__, e)

class Validated:
    required = ()
    def __init_subclass__(cls):
        super().__init_subclass__()
        missing = [r for r in cls.required if r not in cls.__dict__]
        if missing:
            raise TypeError(cls.__name__ + " missing " + ", ".join(missing))

class Good(Validated):
    required = ("run",)
    def run(self):
        return "ran"
print(Good().run())
try:
    class Broken(Validated):
        required = ("run", "stop")
        def run(self):
            pass
except TypeError as e:
    print(type(e).__name__, e)

class Counting:
    n = 0
    def __init_subclass__(cls):
        Counting.n += 1
        cls.index = Counting.n
class X1(Counting): pass
class X2(Counting): pass
class X3(X1): pass
print(X1.index, X2.index, X3.index, Counting.n)

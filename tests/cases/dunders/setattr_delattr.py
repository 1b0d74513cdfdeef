class Validated:
    fields = {"age": int, "name": str}
    def __setattr__(self, name, value):
        print("  setattr", name, repr(value))
        if name in self.fields and not isinstance(value, self.fields[name]):
            raise TypeError("%s must be %s, not %s" % (name, self.fields[name].__name__, type(value).__name__))
        super().__setattr__(name, value)
    def __delattr__(self, name):
        print("  delattr", name)
        if name == "name":
            raise AttributeError("cannot delete name")
        object.__delattr__(self, name)
    def __init__(self, name, age):
        self.name = name
        self.age = age

v = Validated("ann", 30)
print(v.__dict__)
try:
    v.age = "old"
except TypeError as e:
    print(type(e).__name__, e)
v.extra = [1]
v.age += 1
print(v.age, v.__dict__)
del v.extra
try:
    del v.name
except AttributeError as e:
    print(type(e).__name__, e)
try:
    del v.nothing
except AttributeError as e:
    print(type(e).__name__, e)
setattr(v, "age", 5)
delattr(v, "age")
print(v.__dict__)
class Frozen:
    def __init__(self, **kw):
        for k, val in kw.items():
            object.__setattr__(self, k, val)
    def __setattr__(self, name, value):
        raise AttributeError("Frozen is immutable (tried %s)" % name)
    def __delattr__(self, name):
        raise AttributeError("Frozen is immutable (tried del %s)" % name)
    def __repr__(self):
        return "Frozen(%s)" % ", ".join("%s=%r" % kv for kv in self.__dict__.items())
f = Frozen(x=1, y=2)
print(f)
for op in (lambda: setattr(f, "x", 5), lambda: delattr(f, "y"), lambda: f.__setattr__("z", 1)):
    try:
        op()
    except AttributeError as e:
        print(type(e).__name__, e)
f.__dict__["x"] = "via dict"
print(f)
class Tracking:
    def __init__(self):
        object.__setattr__(self, "changes", [])
    def __setattr__(self, name, value):
        self.changes.append(name)
        object.__setattr__(self, name, value)
t = Tracking()
t.a = 1; t.b = 2; t.a = 3
t.a += 10
print(t.changes, t.a)
class ClassLevel:
    pass
ClassLevel.x = 1
setattr(ClassLevel, "y", 2)
print(ClassLevel.x, ClassLevel.y)
delattr(ClassLevel, "x")
print(hasattr(ClassLevel, "x"))
class SetattrReturns:
    def __setattr__(self, n, v):
        return "ignored"
s = SetattrReturns()
s.q = 1
print(hasattr(s, "q"))

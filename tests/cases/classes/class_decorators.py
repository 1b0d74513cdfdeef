registry = {}
def register(cls):
    registry[cls.__name__.lower()] = cls
    return cls

def add_greeting(greeting):
    def deco(cls):
        def greet(self):
            return greeting + ", " + self.name
        cls.greet = greet
        return cls
    return deco

def trace(label):
    def deco(cls):
        print("decorating", cls.__name__, "with", label)
        cls.labels = getattr(cls, "labels", ()) + (label,)
        return cls
    return deco

@register
@add_greeting("Hello")
class Person:
    def __init__(self, name):
        self.name = name

@register
class Robot:
    def __init__(self, name):
        self.name = name

@trace("outer")
@trace("inner")
class Stacked:
    pass

print(sorted(registry))
print(registry["person"]("Ana").greet())
print(hasattr(Robot("r2"), "greet"))
print(Stacked.labels)

def replace_with_factory(cls):
    def factory(*args):
        print("factory called with", args)
        return cls(*args)
    factory.wrapped = cls
    return factory

@replace_with_factory
class Thing:
    def __init__(self, a, b=2):
        self.total = a + b
t = Thing(1, 5)
print(t.total, Thing.wrapped.__name__, type(t).__name__)

def singleton(cls):
    instances = {}
    def get(*a):
        if cls not in instances:
            instances[cls] = cls(*a)
        return instances[cls]
    return get

@singleton
class Config:
    def __init__(self, v):
        print("init Config", v)
        self.v = v
c1 = Config(1)
c2 = Config(2)
print(c1 is c2, c1.v, c2.v)

def add_repr(cls):
    fields = cls.fields
    def __repr__(self):
        return cls.__name__ + "(" + ", ".join(f + "=" + repr(getattr(self, f)) for f in fields) + ")"
    cls.__repr__ = __repr__
    return cls

@add_repr
class Pair:
    fields = ("a", "b")
    def __init__(self, a, b):
        self.a, self.b = a, b
print(Pair(1, "x"), [Pair(2, None)])

order = []
def mk(n):
    order.append("eval " + n)
    def d(c):
        order.append("apply " + n)
        return c
    return d
@mk("first")
@mk("second")
class Ordered:
    order.append("body")
print(order)

class Traced:
    def __new__(cls, *args):
        print("__new__", cls.__name__, args)
        inst = super().__new__(cls)
        inst.created = True
        return inst
    def __init__(self, a, b=0):
        print("__init__", a, b)
        self.a, self.b = a, b

t = Traced(1, b=2) if False else Traced(1, 2)
print(t.created, t.a, t.b)

class Other:
    pass
class Swapper:
    def __new__(cls, flag):
        if flag:
            return Other()
        return super().__new__(cls)
    def __init__(self, flag):
        print("Swapper.__init__ ran", flag)
s1 = Swapper(True)
s2 = Swapper(False)
print(type(s1).__name__, type(s2).__name__)

class Singleton:
    _inst = None
    def __new__(cls):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
            cls._inst.count = 0
        return cls._inst
    def __init__(self):
        self.count += 1
a = Singleton(); b = Singleton(); c = Singleton()
print(a is b is c, a.count)

class BadInit:
    def __init__(self):
        return 5
try:
    BadInit()
except TypeError as e:
    print(type(e).__name__, e)

class NoInit:
    pass
try:
    NoInit(1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    NoInit(x=1)
except TypeError as e:
    print(type(e).__name__, e)

class OnlyNew:
    def __new__(cls, v):
        o = super().__new__(cls)
        o.v = v
        return o
print(OnlyNew(7).v)

class OnlyInit:
    def __init__(self, v):
        self.v = v
print(OnlyInit(8).v)
try:
    object.__new__(OnlyInit, 1)
except TypeError as e:
    print(type(e).__name__, e)
o = object.__new__(OnlyInit)
print(hasattr(o, "v"))
o.__init__(9)
print(o.v)
try:
    OnlyInit()
except TypeError as e:
    print(type(e).__name__, e)

class Factory:
    def __new__(cls, kind):
        sub = {"a": A, "b": B}[kind]
        return super().__new__(sub)
    def __init__(self, kind):
        self.kind = kind
class A(Factory): pass
class B(Factory): pass
fa = Factory("a"); fb = Factory("b")
print(type(fa).__name__, fa.kind, type(fb).__name__, fb.kind)

class NewNone:
    def __new__(cls):
        return None
    def __init__(self):
        print("never")
print(NewNone())

# object.__new__ with extra arguments: refused when the class has its own
# __new__ (a singleton passing *args on) or no __init__, as in CPython.
class A:
    def __new__(cls, *a, **k):
        return super().__new__(cls, *a, **k)
    def __init__(self, x): pass
try: A(1)
except TypeError as e: print(e)
class B:
    def __init__(self, x): pass
print(type(object.__new__(B, 1)).__name__)
class C: pass
try: object.__new__(C, 1)
except TypeError as e: print(e)
class D:
    def __new__(cls, *a): return super().__new__(cls)
print(type(D(1,2)).__name__)
class E:
    def __new__(cls, *a): return object.__new__(cls, *a)
print(type(E()).__name__)
try: E(1)
except TypeError as e: print(e)
class Config:
    _inst = None
    def __new__(cls, *args, **kwargs):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
        return cls._inst
    def __init__(self, name): self.name = name
print(Config("app").name, Config("b") is Config("c"))
class F(B): pass
print(type(object.__new__(F, 1, k=2)).__name__)

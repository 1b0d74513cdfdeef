# classmethod over another descriptor binds it to the class (CPython 3.11):
# @classmethod @property makes a class property.
class A:
    _reg = "registry"
    @classmethod
    @property
    def reg(cls): return cls._reg + " of " + cls.__name__
    @classmethod
    def plain(cls): return cls.__name__
class B(A):
    _reg = "b-registry"
print(A.reg, B.reg, A().reg, B.plain(), B().plain())
class Desc:
    def __get__(self, obj, cls): return ("desc", obj.__name__ if isinstance(obj, type) else obj, cls.__name__)
class C:
    d = classmethod(Desc())
print(C.d, C().d)
class E:
    m = classmethod(len)
print(E.m.__self__ is E if hasattr(E.m, "__self__") else "no self")

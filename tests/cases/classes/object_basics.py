o = object()
try:
    o.x = 1
except AttributeError as e:
    print(type(e).__name__, e)
print(type(o).__name__, type(o) is object)
print(object.__bases__, object.__mro__)
class A:
    pass
class B(A):
    pass
print(A.__bases__, B.__bases__, B.__mro__)
print(B.__base__, A.__base__, object.__base__)
print(issubclass(A, object), isinstance(A(), object), isinstance(A, object))
print(B.mro())
print(o == o, o != object())
try:
    object(1)
except TypeError as e:
    print(type(e).__name__, e)
print(isinstance(3, object), isinstance(None, object), isinstance(len, object))
class C(object):
    pass
print(C.__bases__, C.__mro__ == (C, object))
print(str(object), repr(type))
print(type(A.__dict__["__module__"]), A.__dict__["__module__"])
print(sorted(k for k in A.__dict__ if not k.startswith("__") or k in ("__module__", "__doc__")))
print(A.__doc__)
x = A()
x.a = 1
print(x.__dict__, B().__dict__)
print(callable(A), callable(x), callable(object))

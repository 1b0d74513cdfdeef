class A: pass
class B(A): pass
tries = []
try:
    class C(A, B):
        pass
except TypeError as e:
    print(type(e).__name__, repr(str(e)))
try:
    class D(A, A):
        pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    class G(bool):
        pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    class H(int, str):
        pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    class I(type(None)):
        pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    type("J", (A, B), {})
except TypeError as e:
    print(type(e).__name__, repr(str(e)))
class X: pass
class Y: pass
class XY(X, Y): pass
class YX(Y, X): pass
try:
    class Both(XY, YX):
        pass
except TypeError as e:
    print(type(e).__name__, repr(str(e)))
class OK(B, A): pass
print([k.__name__ for k in OK.__mro__])

class A:
    x = "A.x"
    y = "A.y"
    def m(self):
        return "A.m"
class B(A):
    x = "B.x"
    def m(self):
        return "B.m"
class C(B):
    pass

c = C()
print(c.x, c.y, c.m())
c.x = "instance x"
print(c.x, C.x, B.x, A.x)
c.m = lambda: "instance m"
print(c.m(), C.m(c))
del c.m
print(c.m())
B.y = "B.y"
print(c.y)
del B.y
print(c.y)
del B.x
print(C.x)
C.x = "C.x"
print(C.x, c.x)
del c.x
print(c.x)
A.z = "added to A"
print(c.z, C.z)
try:
    del C.z
except AttributeError as e:
    print(type(e).__name__, e)
print(getattr(c, "z"), hasattr(C, "z"), "z" in C.__dict__)
class D(A):
    m = "not a method any more"
print(D().m)
class E(A):
    m = None
try:
    E().m()
except TypeError as e:
    print(type(e).__name__, e)
class F(A):
    def x(self):
        return "method named x"
print(F().x(), F.x.__qualname__)

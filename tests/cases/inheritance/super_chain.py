class A:
    def __init__(self):
        print("A.__init__")
        self.trail = ["A"]
    def run(self, x):
        return "A(%s)" % x
class B(A):
    def __init__(self):
        print("B.__init__ before")
        super().__init__()
        self.trail.append("B")
        print("B.__init__ after")
    def run(self, x):
        return "B(" + super().run(x + 1) + ")"
class C(B):
    def __init__(self):
        super().__init__()
        self.trail.append("C")
    def run(self, x):
        return "C(" + super().run(x * 2) + ")"
c = C()
print(c.trail)
print(c.run(1))
print(B.run(c, 1))
print(A.run(c, 1))
print(super(C, c).run(5))
print(super(B, c).run(5))
class D(C):
    pass
d = D()
print(d.trail, d.run(0))
class E(C):
    def run(self, x):
        r = super().run
        return "E[" + r(x) + "]"
print(E().run(3))
class F(A):
    def method(self):
        def inner():
            return super(F, self).run("inner")
        return inner()
print(F().method())
class H(A):
    def gen(self):
        yield super().run("gen")
print(list(H().gen()))
class I(A):
    def __init__(self):
        pass
i = I()
print(hasattr(i, "trail"))

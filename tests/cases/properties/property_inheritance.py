class Base:
    def __init__(self):
        self._v = 1
    @property
    def v(self):
        return self._v
    @v.setter
    def v(self, x):
        self._v = x
    @property
    def kind(self):
        return "base"
class OverrideGetter(Base):
    @property
    def v(self):
        return self._v * 100
class ExtendSetter(Base):
    @Base.v.setter
    def v(self, x):
        print("  validated", x)
        Base.v.fset(self, abs(x))
class PlainAttr(Base):
    kind = "plain class attribute"
class InstanceShadow(Base):
    pass
o = OverrideGetter()
print(o.v)
try:
    o.v = 5
except AttributeError as e:
    print(type(e).__name__, e)
e = ExtendSetter()
e.v = -7
print(e.v, Base.v is ExtendSetter.v)
print(PlainAttr().kind, Base().kind)
s = InstanceShadow()
try:
    s.kind = "instance"
except AttributeError as e:
    print(type(e).__name__, e)
class Parent:
    @property
    def name(self):
        return "parent:" + self.tag()
    def tag(self):
        return "P"
class Child(Parent):
    def tag(self):
        return "C"
print(Parent().name, Child().name)
class Gc(Child):
    @property
    def name(self):
        return "gc(" + super().name + ")"
print(Gc().name)
class WithMethodOverride(Base):
    def v(self):
        return "method now"
print(WithMethodOverride().v())

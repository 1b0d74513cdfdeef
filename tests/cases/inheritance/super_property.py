class Base:
    def __init__(self):
        self._v = 1
    @property
    def value(self):
        return self._v
    @value.setter
    def value(self, v):
        print("Base setter", v)
        self._v = v
    @property
    def label(self):
        return "base"

class Child(Base):
    @property
    def value(self):
        return super().value * 10
    @value.setter
    def value(self, v):
        print("Child setter", v)
        Base.value.fset(self, v + 1)
    @property
    def label(self):
        return "child<" + super().label + ">"

c = Child()
print(c.value, c.label)
c.value = 5
print(c.value, c._v)
b = Base()
b.value = 3
print(b.value)
try:
    super(Child, c).value = 99
except AttributeError as e:
    print(type(e).__name__, e)
print(c.value)

class Ext(Base):
    @Base.value.getter
    def value(self):
        return "ext:" + str(self._v)
e = Ext()
print(e.value)
e.value = 8
print(e.value, Base().value)

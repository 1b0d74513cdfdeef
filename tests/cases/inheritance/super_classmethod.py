class Shape:
    registry = []
    @classmethod
    def create(cls, *args):
        obj = cls(*args)
        Shape.registry.append(cls.__name__)
        return obj
    @classmethod
    def describe(cls):
        return "Shape:" + cls.__name__
    @staticmethod
    def unit():
        return 1
    def __init__(self, *args):
        self.args = args

class Square(Shape):
    @classmethod
    def create(cls, side):
        obj = super().create(side)
        obj.kind = "square"
        return obj
    @classmethod
    def describe(cls):
        return "Square+" + super().describe()
    @staticmethod
    def unit():
        try:
            return super().unit()
        except RuntimeError as e:
            return "RuntimeError: " + str(e)

class Tiny(Square):
    pass

s = Square.create(3)
print(s.args, s.kind, Shape.registry)
print(Square.describe(), Tiny.describe(), Shape.describe())
t = Tiny.create(1)
print(type(t).__name__, t.kind, Shape.registry)
print(Square.unit())
print(Shape.unit())

def free_function():
    return super().describe()
try:
    free_function()
except RuntimeError as e:
    print(type(e).__name__, e)

class NoArgs:
    def method():
        return super().x
try:
    NoArgs.method()
except RuntimeError as e:
    print(type(e).__name__, e)

class Base:
    def greet(self):
        return "base"
class Derived(Base):
    def greet(self):
        return "derived+" + super().greet()
print(super(Derived, Derived()).greet())
print(super(Derived, Derived).greet(Derived()))
try:
    super(Derived, 5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    super(5, Derived())
except TypeError as e:
    print(type(e).__name__, e)
class Over(Base):
    def greet(self):
        return "over"
sp = super(Over, Over())
print(sp.greet())
try:
    sp.missing
except AttributeError as e:
    print(type(e).__name__, e)

class Base:
    def who(self):
        return type(self).__name__
    def who2(self):
        return self.__class__.__name__
    def lexical(self):
        return __class__.__name__
    @classmethod
    def cwho(cls):
        return cls.__name__
    def make_same(self):
        return self.__class__()

class Child(Base):
    def lexical_child(self):
        return __class__.__name__, super().lexical()

b, c = Base(), Child()
print(b.who(), c.who(), b.who2(), c.who2())
print(b.lexical(), c.lexical(), c.lexical_child())
print(b.cwho(), c.cwho())
print(type(c.make_same()).__name__)
print(c.__class__ is Child, c.__class__.__bases__[0] is Base)
print(c.__class__.__class__ is type)
print(Child.__class__.__name__)
print((1).__class__, "x".__class__.__name__, [].__class__.__name__, None.__class__.__name__)
print(True.__class__.__mro__)
print(type(c).__mro__[1].__name__)
print(Child.__mro__[-1] is object)
class Swap1:
    def hi(self):
        return "swap1"
class Swap2:
    def hi(self):
        return "swap2"
s = Swap1()
print(s.hi())
s.__class__ = Swap2
print(s.hi(), type(s).__name__, isinstance(s, Swap1))
try:
    s.__class__ = 5
except TypeError as e:
    print(type(e).__name__, e)

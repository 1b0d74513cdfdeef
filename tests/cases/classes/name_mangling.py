class Account:
    __secret = "class-secret"
    def __init__(self, pin):
        self.__pin = pin
        self._hint = "protected"
        self.__dunder__ = "not mangled"
    def check(self, pin):
        return pin == self.__pin
    def reveal(self):
        return self.__secret
    def __helper(self):
        return "private helper"
    def call_helper(self):
        return self.__helper()

a = Account(1234)
print(a.check(1234), a.check(0))
print(sorted(a.__dict__))
print(a._Account__pin, a._hint, a.__dunder__)
print(a.reveal(), Account._Account__secret)
print(a.call_helper(), a._Account__helper())
try:
    a.__pin
except AttributeError as e:
    print(type(e).__name__, e)
try:
    Account.__secret
except AttributeError as e:
    print(type(e).__name__, e)

class Savings(Account):
    def __init__(self, pin):
        super().__init__(pin)
        self.__pin = "child"
    def child_pin(self):
        return self.__pin
s = Savings(42)
print(sorted(s.__dict__))
print(s.check(42), s.child_pin())
try:
    s.reveal2 = lambda: None
    Savings.peek = lambda self: self.__pin
    print(s.peek())
except AttributeError as e:
    print(type(e).__name__, e)

class _Under:
    def __init__(self):
        self.__x = 1
print(list(_Under().__dict__))
class __Dunderish:
    def __init__(self):
        self.__y = 2
print(list(globals()["__Dunderish"]().__dict__))
class Outer:
    class Inner:
        def __init__(self):
            self.__z = 3
print(list(Outer.Inner().__dict__))
class Getter:
    def __init__(self):
        self.__v = "val"
    def get(self, name):
        return getattr(self, name)
g = Getter()
print(g.get("_Getter__v"))
try:
    g.get("__v")
except AttributeError as e:
    print(type(e).__name__, e)

# krait-only expectation: sandbox escape attempts must fail
# The same walk, started from user-defined classes and instances.
class Base:
    pass
class Child(Base):
    pass
def attempt(thunk):
    try:
        leak = thunk()
        print("LEAK", type(leak).__name__)
    except AttributeError:
        print("blocked")
attempt(lambda: Base.__subclasses__())
attempt(lambda: Child().__class__.__base__.__subclasses__())
attempt(lambda: Child.__mro__[-1].__subclasses__())
attempt(lambda: type(Child()).__bases__[0].__bases__[0].__subclasses__())
attempt(lambda: super(Child, Child()).__class__.__subclasses__())
attempt(lambda: Child.__class__.__subclasses__(Base))
print("done")

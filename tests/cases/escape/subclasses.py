# krait-only expectation: sandbox escape attempts must fail
# Walking from any object to object.__subclasses__() is the classic way to
# reach every loaded class (and from there file/process objects).  In krait
# the attribute does not exist.
def attempt(thunk):
    try:
        leak = thunk()
        print("LEAK", type(leak).__name__)
    except AttributeError:
        print("blocked")
attempt(lambda: ().__class__.__base__.__subclasses__())
attempt(lambda: object.__subclasses__())
attempt(lambda: object.__subclasses__)
attempt(lambda: [].__class__.__mro__[-1].__subclasses__())
attempt(lambda: "".__class__.__bases__[0].__subclasses__())
attempt(lambda: int.__subclasses__())
attempt(lambda: type.__subclasses__(object))
attempt(lambda: type(None).__mro__[-1].__subclasses__())
attempt(lambda: (1).__class__.__subclasses__())
attempt(lambda: Exception.__subclasses__())
attempt(lambda: BaseException.__subclasses__())
attempt(lambda: getattr(object, "__subclasses__")())
attempt(lambda: getattr(object, "__sub" + "classes__")())
print("done")

# krait-only expectation: sandbox escape attempts must fail
# A function's __globals__ hands out the module namespace (and through it
# __builtins__); krait does not expose it on any callable.
def f():
    return 1
def outer():
    x = 1
    def inner():
        return x
    return inner
class C:
    def method(self):
        return 1
    @staticmethod
    def smethod():
        return 2
    @classmethod
    def cmethod(cls):
        return 3
def attempt(thunk):
    try:
        leak = thunk()
        print("LEAK", type(leak).__name__)
    except AttributeError:
        print("blocked")
attempt(lambda: f.__globals__)
attempt(lambda: (lambda: 0).__globals__)
attempt(lambda: outer().__globals__)
attempt(lambda: C.method.__globals__)
attempt(lambda: C().method.__globals__)
attempt(lambda: C().method.__func__.__globals__)
attempt(lambda: C.smethod.__globals__)
attempt(lambda: C.cmethod.__func__.__globals__)
attempt(lambda: getattr(f, "__globals__"))
attempt(lambda: getattr(f, "__glo" + "bals__"))
attempt(lambda: f.__globals__["__builtins__"])
attempt(lambda: f.__getattribute__("__globals__"))
attempt(lambda: object.__getattribute__(f, "__globals__"))
attempt(lambda: attempt.__globals__)
print("done")

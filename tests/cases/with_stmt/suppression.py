class Suppress:
    def __init__(self, *types):
        self.types = types
        self.caught = None
    def __enter__(self):
        return self
    def __exit__(self, t, v, tb):
        if t is not None and issubclass(t, self.types):
            self.caught = v
            return True
        return False
with Suppress(KeyError) as s:
    {}["missing"]
    print("not reached")
print("suppressed:", repr(s.caught))
with Suppress(KeyError, IndexError) as s:
    [][0]
print("suppressed:", repr(s.caught))
try:
    with Suppress(KeyError):
        int("x")
except ValueError as e:
    print("not suppressed:", type(e).__name__, e)
class Truthy:
    def __init__(self, ret):
        self.ret = ret
    def __enter__(self):
        return self
    def __exit__(self, *a):
        return self.ret
for ret in (1, "yes", [0], 0, "", None, [], 0.0):
    try:
        with Truthy(ret):
            raise ValueError("v")
        print(repr(ret), "-> suppressed")
    except ValueError:
        print(repr(ret), "-> propagated")
class Counts:
    def __init__(self):
        self.n = 0
    def __bool__(self):
        self.n += 1
        return True
flag = Counts()
class ReturnsObj:
    def __enter__(self):
        return None
    def __exit__(self, *a):
        return flag
with ReturnsObj():
    raise TypeError
print("bool() called on __exit__ result:", flag.n)
with ReturnsObj():
    pass
print("no exception -> result not evaluated:", flag.n)
def f():
    for i in range(3):
        with Suppress(ZeroDivisionError):
            print("i =", i, "->", 6 / (i - 1))
    return "done"
print(f())
def suppressed_return():
    with Suppress(ValueError):
        raise ValueError
    return "continued after suppressed with"
print(suppressed_return())

class AppError(Exception):
    pass
class HttpError(AppError):
    def __init__(self, status, reason="unknown"):
        super().__init__(status, reason)
        self.status = status
        self.reason = reason
    def __str__(self):
        return "HTTP %d: %s" % (self.status, self.reason)
class NotFound(HttpError):
    def __init__(self, path):
        super().__init__(404, "not found")
        self.path = path
class Silent(AppError):
    def __init__(self, code):
        self.code = code
e = HttpError(500, "boom")
print(e, repr(e), e.args, e.status)
n = NotFound("/x")
print(n, n.args, n.path, isinstance(n, AppError), isinstance(n, Exception))
s = Silent(7)
print(repr(str(s)), repr(s), s.args, s.code)
try:
    raise NotFound("/missing")
except HttpError as err:
    print("caught", type(err).__name__, err, err.path)
try:
    raise Silent(3)
except AppError as err:
    print("caught", type(err).__name__, err.code, err.args)
class WithMsg(ValueError):
    def __init__(self, field, msg):
        super().__init__(f"{field}: {msg}")
        self.field = field
w = WithMsg("age", "must be positive")
print(w, w.args, w.field, isinstance(w, ValueError))
try:
    int("x")
except ValueError as err:
    print(type(err).__name__, err)
class KeyErr(KeyError):
    pass
print(str(KeyErr("k")), str(KeyError("k")), repr(KeyErr("k")))
print(str(KeyErr()), str(KeyErr("a", "b")))
class ArgsLater(Exception):
    def __init__(self):
        super().__init__()
        self.args = ("set", "later")
print(ArgsLater(), repr(ArgsLater()))
class ReprOverride(Exception):
    def __repr__(self):
        return "<ReprOverride!>"
print(repr(ReprOverride("x")), str(ReprOverride("x")), [ReprOverride()])
class NoInitCall(Exception):
    def __init__(self, a, b):
        self.a = a
print(NoInitCall(1, 2).args, str(NoInitCall(1, 2)))
class Kw(Exception):
    def __init__(self, msg, *, code=0):
        super().__init__(msg)
        self.code = code
k = Kw("bad", code=5)
print(k, k.code, k.args)
try:
    Exception(x=1)
except TypeError as err:
    print(type(err).__name__, err)
print(issubclass(HttpError, BaseException), HttpError.__mro__[-3:])

# Classes deriving from the Unicode errors (and OSError).

class PlainDecode(UnicodeDecodeError):
    pass

e = PlainDecode("utf-8", b"\xff", 0, 1, "invalid start byte")
print(type(e).__name__, repr(e), str(e), e.encoding, e.start, e.end, e.reason)
print(isinstance(e, UnicodeDecodeError), isinstance(e, ValueError))
try:
    PlainDecode("only one")
except TypeError as x:
    print("TypeError", x)

class MyDecode(UnicodeDecodeError):
    def __init__(self, msg):
        super().__init__("utf-8", b"\xfe\xff", 0, 2, msg)
        self.note = "custom"

m = MyDecode("my reason")
print(repr(m), "|", m, "|", m.args, m.object, m.start, m.end, m.note)
try:
    raise MyDecode("raised")
except UnicodeError as x:
    print("caught", type(x).__name__, x)

class NoSuper(UnicodeEncodeError):
    def __init__(self, a, b):
        self.pair = (a, b)

n = NoSuper(1, 2)
print(repr(n), repr(str(n)), n.args, n.encoding, n.object, n.start, n.end, n.reason, n.pair)
n.encoding = "ascii"
n.object = "\xe9"
n.end = 1
print(str(n))

class WithStr(UnicodeTranslateError):
    def __str__(self):
        return "custom: " + super().__str__()

w = WithStr("\u1234", 0, 1, "no")
print(w, "|", repr(w))

class LateInit(UnicodeEncodeError):
    def __init__(self, *args):
        try:
            super().__init__(*args)
        except TypeError as x:
            print("init failed:", x)

l = LateInit("ascii", b"bytes", 0, 1, "r")
print(l.args, l.encoding, l.object, l.reason, repr(str(l)))
l2 = LateInit("ascii", "ok", 0, 1, "r")
print(l2, l2.args)

class MyOSError(OSError):
    pass

o = MyOSError(2, "No such file or directory", "x.txt")
print(type(o).__name__, o, o.errno, o.strerror, o.filename, o.args)

class InitOSError(OSError):
    def __init__(self, path):
        super().__init__(13, "Permission denied", path)

i = InitOSError("/etc/x")
print(type(i).__name__, i, i.errno, i.filename, i.args)

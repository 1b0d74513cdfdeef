# UnicodeDecodeError / UnicodeEncodeError / UnicodeTranslateError built by hand.

def show(e):
    print(type(e).__name__, repr(e))
    print("  str:", str(e))
    print("  args:", e.args)
    print("  attrs:", repr(e.encoding), repr(e.object), e.start, e.end, repr(e.reason))

show(UnicodeDecodeError("utf-8", b"\xff\xfe", 0, 1, "invalid start byte"))
show(UnicodeDecodeError("utf-8", b"ab\xe2\x82", 2, 4, "unexpected end of data"))
show(UnicodeEncodeError("ascii", "caf\xe9", 3, 4, "ordinal not in range(128)"))
show(UnicodeEncodeError("latin-1", "x\u20ac\u20acy", 1, 3, "ordinal not in range(256)"))
show(UnicodeTranslateError("ab\u1234", 2, 3, "no mapping"))
show(UnicodeTranslateError("abcd", 1, 3, "no mapping"))

def attempt(label, f):
    try:
        r = f()
        print(label, "->", repr(r))
    except Exception as e:
        print(label, "->", type(e).__name__, e)

print("-- argument checking")
attempt("no args", lambda: UnicodeDecodeError())
attempt("one arg", lambda: UnicodeDecodeError("x"))
attempt("six args", lambda: UnicodeDecodeError("u", b"ab", 0, 1, "r", 6))
attempt("encode one", lambda: UnicodeEncodeError("x"))
attempt("translate one", lambda: UnicodeTranslateError("x"))
attempt("translate five", lambda: UnicodeTranslateError("s", 0, 0, "r", 4))
attempt("encoding int", lambda: UnicodeDecodeError(1, b"", 0, 0, "r"))
attempt("encoding bytes", lambda: UnicodeDecodeError(b"u", "s", 0, 0, 5))
attempt("decode object str", lambda: UnicodeDecodeError("u", "s", 0, 0, "r"))
attempt("decode object int", lambda: UnicodeDecodeError("u", 5, 0, 1, "r"))
attempt("decode reason first", lambda: UnicodeDecodeError("u", "s", 0, 0, 5))
attempt("start str", lambda: UnicodeDecodeError("u", b"ab", "0", 1, "r"))
attempt("end float", lambda: UnicodeDecodeError("u", b"ab", 0, 1.0, "r"))
attempt("start huge", lambda: UnicodeDecodeError("u", b"ab", 2**70, 1, "r"))
attempt("start bool", lambda: UnicodeDecodeError("u", b"ab", True, 2, "r").start)
attempt("reason int", lambda: UnicodeDecodeError("u", b"ab", 0, 1, 5))
attempt("reason None", lambda: UnicodeEncodeError("u", "s", 0, 0, None))
attempt("encode object bytes", lambda: UnicodeEncodeError("u", b"s", 0, 0, "r"))
attempt("encode start None", lambda: UnicodeEncodeError("u", "s", None, 0, "r"))
attempt("translate object", lambda: UnicodeTranslateError(1, 0, 0, "r"))
attempt("translate start", lambda: UnicodeTranslateError("s", "0", 0, "r"))
attempt("translate reason", lambda: UnicodeTranslateError("s", 0, 0, b"r"))
attempt("keywords", lambda: UnicodeDecodeError("u", b"ab", 0, 1, "r", x=1))
attempt("translate encoding", lambda: UnicodeTranslateError("s", 0, 1, "r").encoding)

print("-- plain UnicodeError")
u = UnicodeError("a", 1)
print(repr(u), str(u), u.args, hasattr(u, "encoding"))
attempt("UnicodeError().start", lambda: UnicodeError("a").start)
print(repr(UnicodeError()), str(UnicodeError("only")))

print("-- setting attributes")
e = UnicodeDecodeError("utf-8", b"ab\xff", 2, 3, "bad")
def setit(name, v):
    try:
        setattr(e, name, v)
        print("set", name, repr(getattr(e, name)), "|", e)
    except Exception as x:
        print("set", name, type(x).__name__, x)
def delit(name):
    try:
        delattr(e, name)
        print("del", name, repr(getattr(e, name)), "|", e)
    except Exception as x:
        print("del", name, type(x).__name__, x)
setit("start", "x")
setit("start", 1.0)
setit("start", True)
setit("start", 2**70)
setit("start", 1)
setit("end", 2)
setit("reason", 5)
setit("encoding", None)
setit("object", b"xyz")
delit("start")
delit("end")
delit("reason")
delit("encoding")
setit("reason", "r")
setit("encoding", "e")
delit("object")
print(e.args, repr(e))
e.args = (1,)
print(repr(e), repr(str(e)), e.args, e.start, e.end)
e.extra = 5
print(e.extra, e.__dict__)
print(UnicodeEncodeError("u", "s", 0, 0, "r").__dict__)

# The errors the codecs raise: str.encode, bytes.decode, str(b, enc),
# bytes(s, enc), with each error handler.

def show(label, f):
    try:
        r = f()
        print(label, "->", repr(r))
    except UnicodeError as e:
        print(label, "->", type(e).__name__ + ":", e)
        print("   ", repr(e.encoding), repr(e.object), e.start, e.end, repr(e.reason))
        print("   ", e.args == (e.encoding, e.object, e.start, e.end, e.reason), repr(e))
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)

handlers = ["strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace",
            "surrogateescape", "surrogatepass", "bogus"]

texts = ["caf\xe9", "a\u20ac\u20acb", "x\U0001f600y", "s\udc80t", "\udcff\udc80", "a\udc80\u1234b", "plain"]
for enc in ["ascii", "latin-1", "utf-8"]:
    for t in texts:
        for h in handlers:
            show("%s %r %s" % (enc, t, h), lambda: t.encode(enc, h))

datas = [b"\xff", b"ab\xffcd", b"\xe2\x82", b"a\xe2\x82", b"\xe2\x28\xa1", b"\xc3\xa9\x80", b"\xed\xa0\x80",
         b"\xf4\x90\x80\x80", b"\xc0\xaf", b"\x80\x81\x82", b"ok"]
for enc in ["ascii", "utf-8", "latin-1"]:
    for d in datas:
        for h in handlers:
            show("%s %r %s" % (enc, d, h), lambda: d.decode(enc, h))

print("-- other entry points")
show("str(b, enc)", lambda: str(b"\xff", "utf-8"))
show("str(b, enc, errors)", lambda: str(b"a\xffb", "ascii", "strict"))
show("bytes(s, enc)", lambda: bytes("\xe9", "ascii"))
show("bytes(s, enc, errors)", lambda: bytes("\u20ac", "latin-1", "strict"))
show("encode kw", lambda: "\xe9".encode(encoding="ascii", errors="strict"))
show("decode kw", lambda: b"\xe9".decode(encoding="utf-8"))
show("utf8 spelled", lambda: b"\xe9".decode("UTF8"))
show("latin1 spelled", lambda: "\u0100".encode("L1"))

print("-- catching")
for exc_type in (ValueError, UnicodeError, UnicodeDecodeError, Exception):
    try:
        b"\xff".decode()
    except exc_type as e:
        print("caught by", exc_type.__name__, type(e).__name__, isinstance(e, ValueError))
for exc_type in (ValueError, UnicodeError, UnicodeEncodeError):
    try:
        "\xff".encode("ascii")
    except exc_type as e:
        print("caught by", exc_type.__name__, type(e).__name__, isinstance(e, UnicodeDecodeError))
try:
    "\xff".encode("ascii")
except UnicodeDecodeError:
    print("wrong")
except UnicodeEncodeError as e:
    print("right", e.start, e.end)
try:
    try:
        b"\xff".decode()
    except UnicodeDecodeError as e:
        raise ValueError("wrapped") from e
except ValueError as e:
    print(e, "|", e.__cause__, "|", type(e.__cause__).__name__)
print(issubclass(UnicodeDecodeError, UnicodeError), issubclass(UnicodeTranslateError, ValueError))
print(UnicodeEncodeError.__mro__)

# str.encode with each codec and error handler, and the error messages.
texts = ["plain", "café", "é€😀", "a\udcffb", "\ud800\udc00", "\udcff\udcfe"]
for t in texts:
    for enc in ["utf-8", "ascii", "latin-1"]:
        row = []
        for err in ["strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace", "surrogateescape", "surrogatepass"]:
            try:
                row.append(t.encode(enc, err))
            except Exception as e:
                row.append(type(e).__name__ + ": " + str(e))
        print(repr(t), enc, row)
for enc in ["UTF8", "utf_8", "U8", "us-ascii", "ASCII", "646", "L1", "iso-8859-1", "latin1", "Latin_1"]:
    print(enc, "é".encode(enc, "replace"))
for bad in [lambda: "a".encode("foo"), lambda: "é".encode("ascii", "foo"), lambda: "a".encode(1),
            lambda: "a".encode(errors=1), lambda: "a".encode(None), lambda: "a".encode("utf-8", "strict", 1),
            lambda: "a".encode(encodin="x"), lambda: "\ud800".encode(), lambda: "a\udcffb\udcfe".encode("latin-1"),
            lambda: "é€".encode("ascii"), lambda: "\udcff\udc41".encode("ascii", "surrogateescape")]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
print("é".encode(errors="strict"), "é".encode(encoding="latin-1"), "x".encode("ascii", "bogus-handler-unused"))
print(str(b"caf\xc3\xa9", "utf-8"), str(b"\xff", "latin-1"), str(b"a\xffb", "ascii", "replace"), str(b"\xff", errors="ignore"))
for bad in [lambda: str(b"\xff", "utf-8"), lambda: str(1, "utf-8"), lambda: str("a", "utf-8"), lambda: str(b"a", "foo"),
            lambda: str(b"\xff", errors="foo"), lambda: str(1, 2, 3, 4), lambda: str(x=1), lambda: str(1, 1)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
print(str(), str(object="x"), str(12), str(None), str([1, "a"]), str(b"a"))

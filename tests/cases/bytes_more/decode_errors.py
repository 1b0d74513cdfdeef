# bytes.decode with each codec and handler; UTF-8 error ranges and reasons as CPython reports them.
data = [b"plain", b"caf\xc3\xa9", b"\xff", b"\xe2\x82", b"\xe2\x82a", b"\xe2\x82\xff\xff", b"\xed\xa0\x80", b"\xf5",
        b"\xc0\x80", b"\xf0\x80\x80\x80", b"\xed\xa0\x80\xed", b"\xed\xa0", b"\xf4\x90\x80\x80", b"\xf0\x9f\x98",
        b"\xe0\x80\x80", b"a\xe0", b"\xe0\xa0", b"ok\xf0\x9f\x98\x80\xffz", b"\xc2",
        b"\xdf\xbf\xe0\xa0\x80\xef\xbf\xbf\xf0\x90\x80\x80\xf4\x8f\xbf\xbf"]
for d in data:
    for enc in ["utf-8", "ascii", "latin-1"]:
        row = []
        for err in ["strict", "ignore", "replace", "backslashreplace", "surrogateescape", "surrogatepass"]:
            try:
                row.append(d.decode(enc, err))
            except Exception as e:
                row.append(type(e).__name__ + ": " + str(e))
        print(d, enc, row)
for bad in [lambda: b"a".decode(1), lambda: b"a".decode("foo"), lambda: b"a".decode("utf-8", "strict", 1),
            lambda: b"a".decode(x=1), lambda: b"a".decode(None), lambda: b"\xff".decode(errors="bogus"),
            lambda: b"\xff".decode("utf8", errors="xmlcharrefreplace"), lambda: b"a".decode("foo", 1)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
print(b"\xff".decode("latin1", "bogus"), b"abc".decode(encoding="ascii"), b"".decode(), "é€😀".encode().decode())
s = "mixed é € 😀 \udcff text"
b = s.encode("utf-8", "surrogateescape")
print(b, b.decode("utf-8", "surrogateescape") == s, len(b))

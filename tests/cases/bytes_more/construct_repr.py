# bytes() constructor forms and errors; repr quoting; hashing; comparisons; iteration.
print(bytes(), bytes(3), bytes([1, 2, 255]), bytes((65, 66)), bytes(range(3)), bytes(b"ab"), bytes("é", "utf-8"))
print(bytes("ab", encoding="ascii"), bytes("é€", "ascii", "replace"), bytes([True, False]), bytes(source=2))
print(bytes(x for x in [104, 105]), bytes({1: "a"}), bytes("", "ascii"), bytes(0))
for bad in [lambda: bytes(-1), lambda: bytes([256]), lambda: bytes([-1]), lambda: bytes(["a"]), lambda: bytes("a"),
            lambda: bytes(1.5), lambda: bytes("a", "ascii", "x", "y"), lambda: bytes(1, "ascii"), lambda: bytes([1.5]),
            lambda: bytes(None), lambda: bytes(x=1), lambda: bytes(errors="x"), lambda: bytes(encoding="x"),
            lambda: bytes("a", errors="strict"), lambda: bytes("a", 1), lambda: bytes("é", "ascii"), lambda: bytes("a", "foo")]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
for b in [b"", b"'", b'"', b"'\"", b"\\", b"\x00\x07\t\n\r\x1b\x7f\x80\xff", b"plain text", bytes(range(32, 127))]:
    print(repr(b), str(b), len(repr(b)))
print(hash(b"abc") == hash("abc"), hash(b"") == 0, hash(b"\xff\x00") == hash(bytes([255, 0])))
bs = set()
for b in [b"a", b"b", b"c", b"ab", b"xyz", b""]:
    bs.add(b)
print(list(bs), [hash(b) for b in [b"", b"a", b"abc", b"\xff" * 20]])
print(b"a" < b"b", b"a" < b"ab", b"\xff" > b"z", b"abc" == b"abc", b"a" == "a", b"a" != "a", b"" < b"\x00")
print(list(b"hi\xff"), [b for b in b"az"], sorted(b"cab"), max(b"xyz"), b"ab"[0], b"ab"[-1], b"abc"[True])

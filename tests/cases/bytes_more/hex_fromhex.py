# hex() with separators and groups, bytes.fromhex parsing and errors.
for b in [b"", b"a", b"abc", b"abcdef", bytes(range(0, 256, 17))]:
    print(b.hex(), b.hex(":"), b.hex(":", 2), b.hex(b"-", -2), b.hex("_", 4), b.hex(sep=" ", bytes_per_sep=3), b.hex(":", 0))
for h in ["61 62", " 61 62 ", "61\t62", "61\n62", "", "ABcd", "00ff10", "  "]:
    print(repr(h), bytes.fromhex(h))
for bad in ["zz", "a", "6 1", "é", "0é", "00 é", "1", "0x10"]:
    try:
        print(bytes.fromhex(bad))
    except ValueError as e:
        print(repr(bad), "ValueError", e)
for bad in [lambda: b"a".hex(1), lambda: b"a".hex("ab"), lambda: b"a".hex("é"), lambda: b"a".hex(":", "x"),
            lambda: bytes.fromhex(1), lambda: bytes.fromhex()]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
print(bytes.fromhex(b"\x01\xab".hex()) == b"\x01\xab", bytes.fromhex("ff").hex())

cases = ["x", "", " ", "1.0", "1e3", "0x1A", "1_", "_1", "1__2", "١٢٣", "+", "-", "++1", "0b102", "  12  ", "12\n", "1 2", "0o8", "00", "-0", "+0", "0_0", "\u00a01\u00a0", "1" * 30]
for s in cases:
    try:
        print(repr(s), int(s))
    except ValueError as e:
        print(repr(s), "ValueError:", e)
for s, b in [("z", 35), ("Z", 36), ("0x1A", 16), ("0x1A", 0), ("1A", 16), ("0b11", 2), ("11", 2), ("0o17", 8), ("17", 0), ("017", 0), ("0", 0), ("00", 0), ("-0x10", 0), ("  -ff  ", 16)]:
    try:
        print(repr(s), b, int(s, b))
    except ValueError as e:
        print(repr(s), b, "ValueError:", e)

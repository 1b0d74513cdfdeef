# int() of strings and bytes: bases, prefixes, underscores, whitespace,
# Unicode digits, and CPython's exact error messages.
cases = [("0", 10), ("-0", 10), ("+7", 10), ("  42  ", 10), ("\t\n-17\r\f\v", 10), ("1_000_000", 10),
         ("0x1f", 16), ("0X1F", 0), ("0o17", 0), ("0b1_01", 0), ("0_0", 0), ("00", 0), ("010", 0), ("0x_ff", 0),
         ("ff", 16), ("zz", 36), ("Z", 36), ("777", 8), ("102", 2), ("1e3", 10), ("1.5", 10), ("", 10), ("   ", 10),
         ("-", 10), ("+", 10), ("0x", 16), ("_1", 10), ("1_", 10), ("1__0", 10), ("+ 1", 10), ("1 2", 10), ("12\x00", 10),
         ("١٢٣", 10), ("１２", 10), ("\u00a07\u3000", 10), ("٣x", 10), ("9" * 40, 10), ("-" + "8" * 40, 10),
         ("1" * 64, 2), ("f" * 30, 16), ("12", 0), ("0b2", 0), ("0o8", 0), ("0xg", 0)]
for s, base in cases:
    try:
        print(repr(s), base, int(s, base))
    except ValueError as e:
        print(repr(s), base, "ValueError", e)
for b in [b"12", b" -3 ", b"0x10", b"\xff", b"", b"1_0"]:
    try:
        print(b, int(b), int(b, 0) if b.strip().startswith(b"0x") else "")
    except ValueError as e:
        print(b, "ValueError", e)
print(int(b"0x10", 0), int(b"11", 2))
for args in [("12", 1), ("12", 37), ("12", -1), ("12", 2**70), ("12", 1.5), (12, 10), (1.5, 10), (True, 2), (None,), ([1],), ({},)]:
    try:
        print(args, int(*args))
    except (ValueError, TypeError, OverflowError) as e:
        print(args, type(e).__name__, e)
try:
    int("a" * 300)
except ValueError as e:
    print(len(str(e)), str(e)[-8:])
try:
    int(b"b" * 300)
except ValueError as e:
    print(len(str(e)), str(e)[-8:])
print(int(), int(True), int(False), int(-3.99), int(3.99), int(1e20), int(-0.0), int(5e-324), int(2.0 ** 100))
for f in [float("nan"), float("inf"), float("-inf")]:
    try:
        int(f)
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
print(int("12", base=8), int("z", base=36))

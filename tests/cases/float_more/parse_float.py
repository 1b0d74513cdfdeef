# float() of strings, bytes and numbers with CPython's messages.
cases = ["1", "-0", "  .5e-3  ", "1e-400", "-1e400", "InF", "-nAn", "+infinity", "infinityx", "1_0.0_1", "1_0._1", "1e1_0",
         "0x1p3", "١.٥", "1.5\u2000", "\u3000-2.5", "١e٣", " ", "", ".", "1e", "e5", "- 1", "1__0", "_1", "1_", "1.5\x00",
         "+1.5E+3", "5.", ".5", "0.1", "1e308", "1.7976931348623159e308", "4.9e-324", "2e-324", "1" * 400, "0." + "0" * 400 + "1",
         "1.0000000000000001110223024625156540423631668090820312500000000001", "nan(123)", "iNfInItY", "-.0", "+.e1"]
for s in cases:
    try:
        print(repr(s)[:40], float(s))
    except ValueError as e:
        print(repr(s)[:40], "ValueError", str(e)[:80])
for b in [b" 2.5 ", b"\xff", b"inf", b"1_5", b""]:
    try:
        print(b, float(b))
    except ValueError as e:
        print(b, "ValueError", e)
for v in [True, False, 0, -7, 2**53 + 1, 2**1023, 2**1024 - 2**970, 2**1024 - 2**969, -2**1024, 10**400, 1.5, -0.0]:
    try:
        print(repr(v)[:20], float(v))
    except OverflowError as e:
        print(repr(v)[:20], "OverflowError", e)
for v in [None, [], {}, "1", b"2"]:
    try:
        print(repr(v), float(v))
    except (TypeError, ValueError) as e:
        print(repr(v), type(e).__name__, e)
print(float(), type(float()).__name__)
try:
    float("a" * 300)
except ValueError as e:
    print(len(str(e)))

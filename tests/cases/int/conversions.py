print(int(), int(0), int(7.9), int(-7.9), int(True), int("42"), int("  -17  "))
print(int("ff", 16), int("0xff", 16), int("0xff", 0), int("777", 8), int("0o777", 0))
print(int("101", 2), int("0b101", 0), int("z", 36), int("Z", 36), int("10", 36))
print(int("+5"), int("-0"), int("0"), int("000"), int("\t12\n"))
print(int(1e20), int(-1e20), int(2.5), int(-2.5), int(0.999))
print(int("1" * 50))
print(int("١٢٣"), int("٣"))
print(int(b"12"), int(b" 56 "))
for s, base in [("", 10), ("x", 10), ("1.5", 10), ("12", 2), ("0x10", 10), ("10", 37), ("10", 1), (" ", 10), ("1 2", 10), ("0b", 0), ("08", 0)]:
    try:
        print(int(s, base))
    except ValueError as e:
        print("ValueError", e)
for v in [None, [1], 1j if False else (1,)]:
    try:
        int(v)
    except TypeError as e:
        print("TypeError", e)
try:
    int(12, 10)
except TypeError as e:
    print("TypeError", e)
for f in [float('inf'), float('-inf'), float('nan')]:
    try:
        int(f)
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)

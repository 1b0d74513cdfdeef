print(float(), float(3), float(-7), float("3.5"), float("  -1e3  "), float("1_000.5"), float(True))
print(float(10**20), float(2**53 + 1), float(2**63), float(-(2**64)))
print(float(".5"), float("5."), float("+.5e-2"), float("0x10" if False else "16"))
for s in ["", "abc", "1.2.3", "1e", "e5", "--1", "1,5", "0x10", "infinity!", "nan0"]:
    try:
        print(float(s))
    except ValueError as e:
        print("ValueError", e)
for v in [None, [], "1" if False else (1,)]:
    try:
        print(float(v))
    except TypeError as e:
        print("TypeError", e)
try:
    float(10**400)
except OverflowError as e:
    print("OverflowError", e)
print(int(3.99), int(-3.99), int(1e15), int(12345.678))
print((2.5).is_integer(), (2.0).is_integer(), (-0.0).is_integer())
print((0.5).as_integer_ratio(), (0.1).as_integer_ratio(), (-2.75).as_integer_ratio())
print((1.0).hex(), (0.1).hex(), (-2.5).hex(), (0.0).hex())
print(float.fromhex('0x1.8p1'), float.fromhex('-0x1p-2'), float.fromhex('0x1.999999999999ap-4'))
print((3.7).real, (3.7).imag, (3.7).conjugate())

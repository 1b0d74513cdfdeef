print(1_0, 1_000_000_000, 0x_dead, 0b_1, 1_0.0_1, 1e1_0)
print(int("1_000"), float("1_0.5"), int("0x_ff", 16), int("0b1_1", 0))
for s in ["_1", "1_", "1__0", "1_000_"]:
    try:
        print(int(s))
    except ValueError as e:
        print("ValueError", e)
for s in ["1__0.0", "_1.0", "1_.0"]:
    try:
        print(float(s))
    except ValueError as e:
        print("ValueError", e)

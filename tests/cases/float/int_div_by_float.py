print(7 / 2.0, 7 // 2.0, 7 % 2.0, 7.0 / 2, -7 / 2, 10 ** 20 / 3.0)
print(1 / 3.0 * 3.0, (2 ** 53 + 1) * 1.0)
print(3 * 0.1, 0.1 * 3, 7 * 1.1)
print(int(7 / 2), int(-7 / 2), int(7 // 2.0))
try:
    print(10 ** 400 * 1.0)
except OverflowError as e:
    print("OverflowError", e)
try:
    print(10 ** 400 + 0.5)
except OverflowError as e:
    print("OverflowError", e)
print(10 ** 400 > 1.0, 10 ** 400 < float('inf'))

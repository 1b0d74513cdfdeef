total = 0.0
for i in range(10):
    total += 0.1
print(total, total == 1.0, round(total, 10) == 1.0)
print(sum([0.1] * 10), 0.1 * 10)
print(1e16 + 1.0 - 1e16, 1e-16 + 1.0 - 1.0)
print(2 ** 0.5, 2 ** 0.5 * 2 ** 0.5, 10 ** 0.5, 27 ** (1/3), (-8) ** 2.0)
print(1 / 3 + 1 / 3 + 1 / 3, 0.1 + 0.7, 4.35 * 100, 1.15 * 100)
print(9.95 * 10, 100 * 1.1, 3 * 1.1, 0.57 * 100)
vals = [1e-300, 1e300, -1e300, 1.0]
print(sum(vals))
print(float(0.1), repr(0.1))
print(1.0 - 0.9, 0.3 - 0.1, 2.0 - 1.1)
print(1e-7, 1e-6 * 10, 123e-9)

big = float("1e308")
print(big * 10, big * -10, big + big, -big - big, big * 10 - big * 10, big / 1e-10)
print(1e308 * 1.7, 1.7976931348623157e308 * 1.0000000000000002, 1.7976931348623157e308 + 1e292)
print(5e-324 / 2, 5e-324 * 0.5, -5e-324 / 2, 2.2250738585072014e-308 / 2)
print(float("1e309"), float("-1e309"), float("2e-400"), 1e308 * 10 == float("inf"))
try:
    print(int(big * 10))
except OverflowError as e:
    print("OverflowError", e)
try:
    print(10.0 ** 309)
except OverflowError as e:
    print("OverflowError", e)
try:
    print(2 ** 1024 * 1.0)
except OverflowError as e:
    print("OverflowError", e)
try:
    print(round(1e308, -309))
except OverflowError as e:
    print("OverflowError", e)
try:
    print(round(1.5e308, -308))
except OverflowError as e:
    print("OverflowError", e)
print(round(1.5e308, -307), float(2 ** 1023) * 2)

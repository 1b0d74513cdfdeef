print(2.0 ** 3, 2 ** 3.0, 4 ** 0.5, 0.0 ** 0, 0.0 ** 0.0, (-1.0) ** 2)
print(pow(2.0, -2), pow(-2.0, 3), pow(9, 0.5), pow(1.5, 2))
try:
    0.0 ** -1
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    pow(0.0, -2.5)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
print(10 ** -1, 10.0 ** -1, 2 ** -1074, 2 ** -1075)
print(1.0000001 ** 1000000 > 1.1)

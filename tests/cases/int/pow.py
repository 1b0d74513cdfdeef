print(2 ** 10, 2 ** 0, 0 ** 0, (-2) ** 3, (-2) ** 4)
print(2 ** -1, 2 ** -2, (-2) ** -1, 10 ** -3)
print(pow(2, 10), pow(2, 10, 1000), pow(3, 200, 13), pow(-3, 3, 7))
print(pow(2, -1, 7), pow(3, -2, 11), pow(38, -1, 97))
print(pow(5, 0, 1), pow(0, 0, 3), pow(7, 3, -5))
try:
    pow(2, -1, 4)
except ValueError as e:
    print("ValueError", e)
try:
    pow(2, 3, 0)
except ValueError as e:
    print("ValueError", e)
try:
    pow(2.0, 3, 5)
except TypeError as e:
    print("TypeError", e)
try:
    print(0 ** -1)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
print(2 ** 100, 3 ** 50, (-3) ** 51)
print(type(2 ** -1), type(2 ** 2))
print(pow(2, 3, None))

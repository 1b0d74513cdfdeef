print(1 / 2, 3 / 4, -1 / 3, 7 / 7, 0 / 5)
print(10 / 3, 2 / 3, 1 / 7)
print(10**20 / 10**10, 10**30 / 3)
print(2**53 / 1, (2**53 + 1) / 1)
print(type(4 / 2), 4 / 2)
print(-0 / 5, 0 / -5)
print(1 / 3 * 3, 10 / 4)
print(123456789 / 1000)
print((10**400) / (10**399))
try:
    print(10**400 / 1)
except OverflowError as e:
    print("OverflowError", e)
try:
    print(1 / 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)

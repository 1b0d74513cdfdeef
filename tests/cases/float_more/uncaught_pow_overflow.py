# Float overflow in ** raises CPython's errno-style OverflowError.
x = 10.0
for i in range(3):
    x = x ** 50
    print(x)

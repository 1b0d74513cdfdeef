print(abs(-3), abs(3.5), abs(-0.0), abs(True), abs(-10**30), abs(float("-inf")))
print(round(3.14159, 2), round(2.5), round(-2.5), round(7, -1), round(2.675, 2), round(0.5, 0), round(12345, -3), round(x=1.5) if False else round(1.5, ndigits=None))
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5), divmod(17.5, 5), divmod(-17.5, 5), divmod(10**20, 7), divmod(True, 2))
print(pow(2, 8), pow(2, -2), pow(2, 8, 10), pow(base=3, exp=4), pow(3, 4, mod=5), pow(-2, 3), pow(2.5, 2), pow(4, 0.5))
for args in [("a",), (None,)]:
    try:
        abs(*args)
    except TypeError as e:
        print("TypeError", e)
try:
    divmod("a", 1)
except TypeError as e:
    print("TypeError", e)
try:
    round("x")
except TypeError as e:
    print("TypeError", e)
try:
    round(1.5, 1.5)
except TypeError as e:
    print("TypeError", e)
try:
    pow("a", 2)
except TypeError as e:
    print("TypeError", e)

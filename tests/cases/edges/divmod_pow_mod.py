print(divmod(0, 5), divmod(5, 1), divmod(-1, 1), divmod(10**30, -7), divmod(-(10**30), 7), divmod(7, 10**30))
print(pow(3, 4, 5), pow(-3, 4, 5), pow(3, 4, -5), pow(-3, 3, -5), pow(0, 0, 7), pow(10**20, 10**20, 10**9 + 7))
print(pow(2, -1, 5), pow(-2, -1, 5), pow(4, -2, 9), pow(7, -1, 1))
print(2 ** -1, 4 ** -0.5, (-2) ** -2, (-8) ** -1, 0 ** 0, 0.0 ** 0, 1 ** -5, (-1) ** 1001, (-1) ** -1001)
print(10 ** -20, 2 ** 0.5, 2 ** 62, 2 ** 63, 2 ** 64, (-2) ** 63, -2 ** 63)
for a, b, m in [(2, -1, 6), (3, 2, 0), (2.0, 2, 3), (2, 2.0, 3), (2, 2, 3.0)]:
    try:
        print(pow(a, b, m))
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

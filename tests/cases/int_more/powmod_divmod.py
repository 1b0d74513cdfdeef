# pow() with a modulus, divmod() of ints and their errors.
print(pow(2, 10, 1000), pow(-2, 3, -5), pow(3, -1, 7), pow(3, -1, -7), pow(2, 10**20, 10**9 + 7), pow(10**30, 10**30, 2**61 - 1))
print(pow(0, 0, 5), pow(5, 0, 1), pow(2, -1, 1), pow(True, 2, 3), pow(-7, 3, 10), pow(7, 3, -10), pow(123456789, 987654321, 1000000007))
print(pow(2**100, -1, 3**50), pow(-2**100, 3, 7**20))
for args in [(2, 3, 0), (2, -1, 4), (0, -1, 5), (2.0, 3, 5), (2, 3.0, 5), (2, 3, 5.0), ("a", 2, 3), (2, 3, "a"), (2, "b", 3)]:
    try:
        print(args, pow(*args))
    except (ValueError, TypeError) as e:
        print(args, type(e).__name__, e)
for a in [7, -7, 0, 2**70, -2**70, True, 10**30 + 1]:
    for b in [2, -2, 3, -3, 2**65, -2**65, True]:
        print(a, b, divmod(a, b), divmod(a, b) == (a // b, a % b))
for args in [(1, 0), (2**100, 0), (True, False), (1, "a"), ("a", 1), (None, 2)]:
    try:
        print(args, divmod(*args))
    except (ZeroDivisionError, TypeError) as e:
        print(args, type(e).__name__, e)

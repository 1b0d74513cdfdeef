print(repr("ab" * -1), repr("ab" * 0), repr(-5 * "x"), [1] * -3, (1,) * -1, b"z" * -2, repr("" * 10), "ab" * True, "ab" * False)
try:
    "a" * (2 ** 63)
except (OverflowError, MemoryError) as e:
    print(type(e).__name__, e)
try:
    "a" * 2.0
except TypeError as e:
    print("TypeError", e)
try:
    [0] * "3"
except TypeError as e:
    print("TypeError", e)

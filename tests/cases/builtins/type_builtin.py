for v in [1, 1.5, True, "s", b"b", [], (), {}, set(), frozenset(), None, ..., range(0), slice(1), len, int, ValueError("x"), type]:
    print(type(v), type(v).__name__, type(v) is type(v))
print(type(1) == int, type(True) == int, type(type(1)), type(int).__name__)
try:
    type()
except TypeError as e:
    print("TypeError", e)

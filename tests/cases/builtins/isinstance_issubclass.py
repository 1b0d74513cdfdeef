vals = [1, 1.0, True, "s", b"b", [1], (1,), {1: 1}, {1}, frozenset(), None, range(1), len, int]
types = [int, float, bool, str, bytes, list, tuple, dict, set, frozenset, object, type]
for v in vals:
    print(repr(v), [t.__name__ for t in types if isinstance(v, t)])
print(isinstance(1, (str, int)), isinstance("x", (list, (tuple, str))), isinstance(None, type(None)), isinstance(3, ()))
print(issubclass(bool, int), issubclass(int, bool), issubclass(int, object), issubclass(bool, (str, int)), issubclass(type, object), issubclass(object, type))
print(issubclass(KeyError, LookupError), issubclass(KeyError, (ValueError, IndexError)), issubclass(ZeroDivisionError, ArithmeticError))
try:
    isinstance(1, 1)
except TypeError as e:
    print("TypeError", e)
try:
    issubclass(1, int)
except TypeError as e:
    print("TypeError", e)
try:
    issubclass(int, "x")
except TypeError as e:
    print("TypeError", e)

fs = [len, str, repr, abs, bool, sorted, list, sum, min, max, type]
print([f.__name__ for f in fs])
print([f("abc") if f not in (abs, sum) else None for f in fs])
print(len.__name__, print.__name__, int.__name__, type(len).__name__, type(int).__name__)
print(repr(len), repr(print), repr(int), repr(type), repr(object))
print(str(len), f"{abs}", [min, max])
mapping = {"L": len, "U": str.upper, "R": lambda s: s[::-1]}
print({k: f("krait") for k, f in mapping.items()})
print(list(map(type, [1, "a", 2.0, None])), list(map(type(1), ["5", "6"])))

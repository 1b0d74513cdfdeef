print(callable(len), callable(print), callable(int), callable(lambda: 0), callable(5), callable("s"), callable(None), callable([].append), callable(type))
up = getattr("hello", "upper")
print(up(), getattr([1, 2], "count")(1), getattr({}, "get")("k", "dflt"), getattr(5, "bit_length")())
print(getattr("s", "nope", None), getattr(1, "real"), getattr(2.5, "imag"), getattr((1,), "index")(1))
print(hasattr("s", "upper"), hasattr("s", "nope"), hasattr(1, "real"), hasattr([], "append"), hasattr(None, "x"))
try:
    getattr("s", "nope")
except AttributeError as e:
    print("AttributeError", e)
try:
    getattr("s", 5)
except TypeError as e:
    print("TypeError", e)
try:
    setattr("s", "x", 1)
except AttributeError as e:
    print("AttributeError", e)
try:
    setattr([], "append", None)
except AttributeError as e:
    print("AttributeError", e)
try:
    delattr("s", "upper")
except AttributeError as e:
    print("AttributeError", e)
try:
    (5).real = 3
except AttributeError as e:
    print("AttributeError", e)
try:
    [].nope
except AttributeError as e:
    print("AttributeError", e)
try:
    {}.nope()
except AttributeError as e:
    print("AttributeError", e)

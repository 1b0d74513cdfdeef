o = object()
print(type(o), type(o).__name__, isinstance(o, object), o == o, o != object(), hash(o) == hash(o))
try:
    o.x = 1
except AttributeError as e:
    print("AttributeError", e)
try:
    o < object()
except TypeError as e:
    print("TypeError", e)
s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, slice(5), slice(None, 5), slice(1, None, None), list(range(20))[s])
print(slice(1, 2) == slice(1, 2), "abcdef"[slice(None, None, -2)], s.indices(7))
try:
    hash(slice(1, 2))
except TypeError as e:
    print("TypeError", e)
try:
    slice()
except TypeError as e:
    print("TypeError", e)

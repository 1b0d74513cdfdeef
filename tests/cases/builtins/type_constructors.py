print(int("7"), float("7"), str(7), bool(7), list("ab"), tuple([1]), dict(a=1), set([1, 1]), frozenset([2]), bytes(2))
print(int(), float(), str(), bool(), list(), tuple(), dict(), set(), frozenset(), bytes())
print(type(1)(5), type("")("x"), type([])((1, 2)), type({})([(1, 2)]))
print(str(b"\xff", "latin-1"), str(object="kw"), int(x="5") if False else int("5", base=8), float(x=1) if False else float("1.5"))
print(list(range(3)) == [0, 1, 2], tuple(list((1, 2))) == (1, 2), dict(dict(a=1)) == {"a": 1})
try:
    list(1)
except TypeError as e:
    print("TypeError", e)
try:
    tuple(None)
except TypeError as e:
    print("TypeError", e)
try:
    set(1.5)
except TypeError as e:
    print("TypeError", e)
try:
    str(b"x", "nope-codec")
except LookupError as e:
    print("LookupError", e)
try:
    bool(1, 2)
except TypeError as e:
    print("TypeError", e)

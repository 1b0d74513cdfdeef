print(hash(0), hash(1), hash(-1), hash(-2), hash(12345), hash(2**61 - 1), hash(2**61), hash(-(2**63)))
print(hash(0.0), hash(0.5), hash(1.5), hash(-2.25), hash(1e100), hash(float("inf")), hash(3.0) == hash(3))
print(hash(""), hash("a"), hash("abc"), hash("hello world"), hash("é"), hash("日本"), hash("🐍"))
print(hash(b""), hash(b"a"), hash(b"abc"), hash(("a", 1)), hash((1, ("b", 2.5))), hash(frozenset({1, 2})))
print(hash(True), hash(False), hash(range(3)) == hash(range(3)))
for bad in [[], {}, set(), ([],), {1: 2}.keys()]:
    try:
        hash(bad)
    except TypeError as e:
        print("TypeError", e)

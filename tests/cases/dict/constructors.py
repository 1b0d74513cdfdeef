print(dict(), dict(a=1, b=2), dict([("a", 1), ("b", 2)]), dict({"a": 1}, b=2), dict(zip("xyz", range(3))))
print(dict.fromkeys("abc"), dict.fromkeys(["k1", "k2"], 0), dict.fromkeys(range(3), []))
print({k: v for k, v in [(1, "one"), (2, "two")]}, {x: x * x for x in range(5)})
print(dict([[1, 2], "ab"]), dict(((1, 2),)))
for bad in [[1, 2], [(1, 2, 3)], 5, ["abc"]]:
    try:
        print(dict(bad))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

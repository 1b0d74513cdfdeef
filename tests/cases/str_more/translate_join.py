# translate with dict/list tables, maketrans forms, join over iterables.
t = str.maketrans({"a": "4", "e": None, "é": "E", 111: "0", "s": "$$"})
print(sorted(t.items()))
print("some sentence with é".translate(t))
t2 = str.maketrans("abc", "xyz", "d")
print(sorted(t2.items()), "abcdd-cba".translate(t2))
print(str.maketrans("aé", "😀b"), "aé".translate(str.maketrans("aé", "😀b")))
print("abc".translate({97: 1, 98: None}), "abc".translate([None] * 99), "abc".translate("xyz"), "abc".translate([]))
for bad in [lambda: "a".translate({97: 1.5}), lambda: "a".translate({97: 0x110000}), lambda: "a".translate({97: -1}),
            lambda: "a".translate(1), lambda: str.maketrans(), lambda: str.maketrans(1), lambda: str.maketrans({"ab": 1}),
            lambda: str.maketrans({1.5: 1}), lambda: str.maketrans("a", "bc"), lambda: str.maketrans("a", 1),
            lambda: str.maketrans(1, "a"), lambda: str.maketrans("a", "b", 1), lambda: str.maketrans(1, 2, 3, 4)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
print("-".join(["a", "é", "", "😀"]), ",".join(("x",)), "".join([]), "ab".join("xyz"), "+".join(str(i) for i in range(5)))
print(", ".join({"k1": 1, "k2": 2}), "|".join(map(str.upper, ["a", "b"])), "-".join(x for x in "abc" if x != "b"))
for bad in [lambda: "a".join([1]), lambda: "-".join(["a", 2]), lambda: "a".join(1), lambda: "a".join(),
            lambda: "-".join(["a", None, "b"])]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
parts = ["w%d" % i for i in range(2000)]
joined = " ".join(parts)
print(len(joined), joined[:30], joined.split(" ")[1999], joined.count(" "))

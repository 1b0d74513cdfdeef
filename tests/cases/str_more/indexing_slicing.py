# Indexing and slicing of ASCII and non-ASCII strings, with every step sign.
for s in ["abcdef", "aé€😀bç", "", "x", "😀😀😀"]:
    print(repr(s), len(s))
    for i in (0, 1, -1, 2, -2, len(s) - 1):
        try:
            print("  ", i, repr(s[i]))
        except IndexError as e:
            print("  ", i, "IndexError", e)
    for sl in [(None, None, None), (1, None, None), (None, -1, None), (None, None, -1), (1, 5, 2), (-2, None, None),
               (5, 1, -2), (None, None, 3), (100, 200, None), (-100, 100, None), (4, None, -3), (None, None, -2)]:
        print("  ", sl, repr(s[slice(*sl)]))
print([c for c in "aé€😀"], list("héllo"), "".join(reversed("aé€😀")))
for bad in [lambda: "a"[1], lambda: "a"["x"], lambda: "a"[1.5], lambda: "a"[None], lambda: "abc"[::0],
            lambda: "a"[2**70], lambda: "a" + 1, lambda: "a" * "b", lambda: "a" * 1.5, lambda: 1 in "a"]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
print("abc"[True], "ab" * True, "ab" * False, 3 * "é", "ab" * -2, "x" * 0 == "")
print("a" < "b", "a" < "ab", "é" > "z", "\ud800" < "\ue000", "\uffff" < "\U00010000", "abc" <= "abc", "b" >= "ab")
print(max(["b", "é", "a", "😀"]), min("hello"), sorted("é€a😀Z"))

# find/rfind/index/count with windows, startswith/endswith tuples, replace counts.
s = "abcabcabc"
for sub in ["", "a", "bc", "cab", "x", "abcabcabc", "abcabcabcd"]:
    print(repr(sub), s.find(sub), s.rfind(sub), s.count(sub), s.find(sub, 2), s.rfind(sub, 0, 5),
          s.count(sub, 1, -1), s.find(sub, -3), s.find(sub, 10), s.rfind(sub, 9), s.count(sub, 9), s.count(sub, 10))
u = "aé€😀é€😀"
print(u.find("€"), u.rfind("€"), u.index("😀"), u.rindex("é"), u.count("é€"), u.find("😀", 4), u.rfind("é", 0, 3))
print(u.startswith("aé"), u.endswith("😀"), u.startswith(("x", "aé")), u.endswith(("€", "😀"), 0, 3), u.startswith("é", 1))
print("abc".startswith("", 3), "abc".startswith("", 4), "abc".endswith("c", -1), "abc".endswith("b", None, 2))
print("abc".find("c", None, None), "abc".find("a", True), "abc".count("", 1, 2))
for args in [("a", "b"), ("", "-"), ("", "-", 2), ("a", "bb", 2), ("abc", ""), ("x", "y"), ("a", "é", 0), ("a", "😀", -1)]:
    print(args, repr("aaa".replace(*args)), repr("abcabc".replace(*args)), repr("".replace(*args)))
print("é€é".replace("€", "euro"), "ééé".replace("é", "e", 2), "😀x😀".replace("😀", ""))
for bad in [lambda: "a".index("b"), lambda: "a".rindex("b"), lambda: "a".find(1), lambda: "a".find("a", "x"),
            lambda: "a".find(), lambda: "a".find("a", 1, 2, 3), lambda: "a".startswith(1),
            lambda: "a".startswith((1,)), lambda: "a".endswith(["a"]), lambda: "a".replace(1, 2),
            lambda: "a".replace("a"), lambda: "a".replace("a", "b", "c"), lambda: "a".count()]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
long = "ab" * 5000 + "abc" + "ab" * 5000
print(long.find("abc"), long.rfind("ba" * 300 + "c"), long.count("ab"), long.find("ab" * 400 + "c"))
needle = "a" * 50 + "b"
hay = "a" * 20000 + "b"
print(hay.find(needle), hay.rfind("b" + "a" * 50), ("b" + "a" * 20000).rfind("b" + "a" * 50), hay.count("a" * 49))

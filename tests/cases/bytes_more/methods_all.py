# bytes methods: search, split, strip, replace, join, case, predicates, padding.
B = [b"", b"a", b"abc", b"Hello World", b"  spaced \t out \x0b\x0c ", b"\x00\x7f\x80\xff", b"x\r\ny\rz\n", b"a\x1cb", b"-42", b"Ab Cd", b"abcabcabc"]
for s in B:
    print(s, s.lower(), s.upper(), s.swapcase(), s.title(), s.capitalize())
    print("  ", s.isalnum(), s.isalpha(), s.isdigit(), s.isspace(), s.isascii(), s.islower(), s.isupper(), s.istitle())
    print("  ", s.strip(), s.lstrip(), s.rstrip(), s.strip(b"a "), s.split(), s.rsplit(None, 1), s.split(None, 1))
    print("  ", s.splitlines(), s.splitlines(True), s.split(b"a"), s.rsplit(b"b", 1), s.expandtabs(4))
    print("  ", s.center(11), s.ljust(4, b"*"), s.rjust(6), s.zfill(6))
    for sub in [b"", b"a", b"bc", 97, 0]:
        print("    ", sub, s.find(sub), s.rfind(sub), s.count(sub), s.find(sub, 1), s.rfind(sub, -3, -1), sub in s)
    print("  ", s.replace(b"a", b"XY"), s.replace(b"", b"-", 3), s.partition(b"b"), s.rpartition(b"b"), s.startswith((b"x", b"a")), s.endswith(b"c"))
    print("  ", s.removeprefix(b"a"), s.removesuffix(b"c"), list(s[:4]), s[::-1], s[1:5:2], s * 2, s + b"!")
print(b"-".join([b"a", b"bc", b""]), b"".join([]), b", ".join((b"x", b"y")), b"ab".join([b"1", b"2", b"3"]))
for bad in [lambda: b"a".join([1]), lambda: b"-".join(1), lambda: b"-".join(["a"]), lambda: b"a".count(),
            lambda: b"a".count(1000), lambda: b"a".find("a"), lambda: b"a".split(b""), lambda: b"a".split("a"),
            lambda: b"a".replace("a", "b"), lambda: b"a".strip("a"), lambda: b"a".strip(1), lambda: b"a".partition("a"),
            lambda: b"a".partition(b""), lambda: b"a".upper(1), lambda: b"a".startswith("a"), lambda: b"a".startswith(("a",)),
            lambda: b"a".ljust(3, "x"), lambda: b"a".rjust(3, b"xy"), lambda: b"a".index(b"b"), lambda: b"a".rindex(98),
            lambda: b"a"[5], lambda: b"a"["x"], lambda: "a" in b"a", lambda: 256 in b"a", lambda: b"a" + "a", lambda: b"a" + 1,
            lambda: 1 + b"a", lambda: b"ab" * 1.5, lambda: b"a" < "a"]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

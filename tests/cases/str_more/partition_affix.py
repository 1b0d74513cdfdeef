# partition/rpartition, removeprefix/removesuffix, argument errors.
for s in ["key=value=x", "noeq", "=", "", "é=€=😀"]:
    print(repr(s), s.partition("="), s.rpartition("="), s.partition("=€"), s.rpartition("x"))
for s in ["prefix_body_suffix", "prefix", "", "pre", "éxé"]:
    print(repr(s.removeprefix("prefix")), repr(s.removesuffix("suffix")), repr(s.removeprefix("")), repr(s.removesuffix("é")))
for bad in [lambda: "a".partition(""), lambda: "a".partition(1), lambda: "a".partition(), lambda: "a".rpartition("a", "b"),
            lambda: "a".removeprefix(1), lambda: "a".removesuffix(), lambda: "a".upper(1), lambda: "a".isdigit(1),
            lambda: "a".lower(x=1), lambda: "a".splitlines(1, 2), lambda: "a".splitlines(keepends=True, x=1),
            lambda: "a".splitlines(1.5), lambda: "a".center(1, x=1), lambda: "a".replace("a", "b", count=1)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

# strip family with char sets, padding (center rounding), zfill, expandtabs.
for s in ["  abc  ", "\t\n abc \x0b", "xyabcyx", "éaé", "", "   ", "\u3000a\x85", "abc"]:
    print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()), repr(s.strip("xyé")), repr(s.lstrip(" a")), repr(s.rstrip("")))
for s in ["", "a", "ab", "abc", "é€"]:
    for w in (-1, 0, 1, 4, 5, 6, 7):
        print(repr(s), w, repr(s.center(w)), repr(s.center(w, "*")), repr(s.ljust(w, "é")), repr(s.rjust(w, "😀")))
for s in ["42", "-42", "+42", "", "+", "-", "é", "abc", "--1"]:
    print(repr(s), repr(s.zfill(5)), repr(s.zfill(1)), repr(s.zfill(-3)))
for s in ["a\tb", "a\tbc\td", "\t", "abc\r\tx", "ab\n\tc", "é\t€\t😀", "no tabs", "a\t\tb"]:
    print(repr(s.expandtabs()), repr(s.expandtabs(4)), repr(s.expandtabs(0)), repr(s.expandtabs(-2)), repr(s.expandtabs(tabsize=1)))
for bad in [lambda: "a".center(5, "ab"), lambda: "a".center(5, 1), lambda: "a".center("x"), lambda: "a".ljust(2, ""),
            lambda: "a".center(), lambda: "a".center(1, " ", 3), lambda: "a".strip(1), lambda: "a".strip(1, 2),
            lambda: "a".zfill(), lambda: "a".zfill("a"), lambda: "a".expandtabs("a"), lambda: "a".expandtabs(1, 2)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

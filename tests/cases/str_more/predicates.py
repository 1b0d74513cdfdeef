# is*() predicates across scripts and edge cases.
samples = ["", "abc", "ABC", "abc123", "123", "١٢٣", "²³", "½", "Ⅻ", "一二三", "   ", "\t\n\x0b\x0c\r", "\x1c\x1d\x1e\x1f",
           "\x85\xa0\u2028\u3000", "a b", "é", "Σ", "_x", "x_1", "1x", "class", "ŉ", "\u200b", "\x00", "\x7f", "a\u0301",
           "😀", "\U000e0001", "𝔘𝔫𝔦", "ǅ", "\ud800", "٣x"]
names = ["isalnum", "isalpha", "isdecimal", "isdigit", "isnumeric", "isspace", "isprintable", "isascii",
         "isidentifier", "islower", "isupper", "istitle"]
for s in samples:
    flags = []
    for n in names:
        flags.append("1" if getattr(s, n)() else "0")
    print(repr(s).ljust(24), "".join(flags))

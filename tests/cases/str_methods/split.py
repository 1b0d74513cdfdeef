print("a,b,c".split(","), "a,,b".split(","), ",a,".split(","), "".split(","), "abc".split(","))
print("a b  c\td\ne".split(), "  lead and trail  ".split(), "".split(), "   ".split())
print("a,b,c,d".split(",", 1), "a,b,c,d".split(",", 2), "a,b,c,d".split(",", 0), "a,b,c,d".split(",", -1))
print("a,b,c,d".rsplit(",", 1), "a,b,c,d".rsplit(",", 2), "a b c".rsplit(None, 1), "  a b c  ".rsplit(maxsplit=1))
print("a::b::c".split("::"), "aaa".split("a"), "aaaa".split("aa"), "abc".split("abc"))
print("x y z".split(sep=" ", maxsplit=1), "1 2 3".split(maxsplit=1))
print("line1\nline2\r\nline3\rline4".splitlines(), "a\n\nb\n".splitlines(), "".splitlines(), "x\n".splitlines(True))
print("a\x0bb\x0cc\x1cd\u2028e\x85f".splitlines())
print("k=v=w".partition("="), "k=v=w".rpartition("="), "kvw".partition("="), "kvw".rpartition("="))
print("  a  b  ".split(" "))
try:
    "abc".split("")
except ValueError as e:
    print("ValueError", e)
try:
    "abc".partition("")
except ValueError as e:
    print("ValueError", e)

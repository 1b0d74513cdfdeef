# split/rsplit with whitespace runs and maxsplit; splitlines boundaries.
texts = ["  a  b\tc\n d  ", "a b c", "", "   ", "a\u3000b\x85c\xa0d\u2028e", "a\x1cb\x1dc\x1ed\x1ff", "one", " lead", "trail "]
for t in texts:
    print(repr(t))
    print("  ", t.split(), t.rsplit())
    for n in (0, 1, 2):
        print("  ", n, t.split(None, n), t.rsplit(None, n))
for t in ["a,b,,c,", ",", "", "a", "a,b"]:
    print(repr(t), t.split(","), t.rsplit(","), t.split(",", 1), t.rsplit(",", 1), t.split(",", -5))
print("a--b--c".split("--"), "a--b--c".rsplit("--", 1), "aaa".split("aa"), "aaa".rsplit("aa"))
print("é€é€é".split("€"), "é€é€é".rsplit("€", 1), "x😀y😀".split("😀"))
lines = "x\u2028y\x85z\r\nw\rv\x0bu\x0ct\x1cs\x1dr\x1eq\u2029p\nend"
print(lines.splitlines())
print(lines.splitlines(True))
print("a\n\nb\n".splitlines(), "a\n\nb\n".splitlines(keepends=True), "".splitlines(), "\n".splitlines(), "\r\n".splitlines(True))
print("no newline".splitlines(), "\r\r\n\n".splitlines(True))
try:
    "a".split("")
except ValueError as e:
    print("ValueError", e)
try:
    "a".split(1)
except TypeError as e:
    print("TypeError", e)
try:
    "a".split("a", sep="b")
except TypeError as e:
    print("TypeError", e)
try:
    "a".split(x=1)
except TypeError as e:
    print("TypeError", e)
print("a b  c".split(maxsplit=1), "a b  c".rsplit(sep=None, maxsplit=1))

cases = ["  hi  ", "\t\nhi\r\n ", "xxhixx", "hi", "", "   ", "\u3000wide\u3000", "\x1chi\x1f", "abcba"]
for s in cases:
    print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print(repr("xxhixx".strip("x")), repr("abcba".strip("ab")), repr("abcba".lstrip("ba")), repr("abcba".rstrip("cab")))
print(repr("www.example.com".strip("cmowz.")), repr("  x ".strip(None)), repr("aaa".strip("a")))
print(repr("prefix_name".removeprefix("prefix_")), repr("name.txt".removesuffix(".txt")), repr("abc".removeprefix("x")), repr("abc".removesuffix("")))
try:
    "x".strip(1)
except TypeError as e:
    print("TypeError", e)

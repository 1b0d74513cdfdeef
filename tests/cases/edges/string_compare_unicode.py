pairs = [("a", "b"), ("B", "a"), ("a", "ab"), ("", "\x00"), ("é", "f"), ("é", "e\u0301"), ("Z", "a"), ("10", "9"), ("abc", "abd"), ("日", "本"), ("🐍", "\uffff")]
for a, b in pairs:
    print(repr(a), repr(b), a < b, a == b, a > b, max(a, b), sorted([b, a]))
print(sorted(["b", "B", "a", "A", "_", "1", " ", "é", "z", "Z"]))
print(min("hello world"), max("hello world"), sorted("Hello World"))

words = ["hello", "HELLO", "Hello World", "hello world", "hELLO wORLD", "123abc", "", "ß", "straße", "ǅungla", "éclair", "ÀÉÎ", "o'neil mc-donald", "a1b2 c3", "ﬁne", "İstanbul", "ΣΊΣΥΦΟΣ"]
for w in words:
    print(repr(w), w.upper(), w.lower(), w.title(), w.capitalize(), w.swapcase(), w.casefold())

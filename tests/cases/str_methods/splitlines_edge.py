for s in ["", "\n", "\n\n", "a", "a\n", "a\r", "a\r\n", "a\n\r", "a\r\rb", "\x0c", "a\u2029b", "a\x1eb"]:
    print(repr(s), s.splitlines(), s.splitlines(keepends=True), s.split("\n"))

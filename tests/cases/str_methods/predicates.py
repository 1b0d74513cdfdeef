tests = ["", "abc", "ABC", "Abc", "abc123", "123", "12.5", " ", "\t\n", "a b", "Hello World", "hello World", "²", "½", "٣", "éè", "_id", "1abc", "if", "abc_1", "ⅷ", "\x00", "Ⅻ"]
for s in tests:
    print(repr(s), s.isalpha(), s.isdigit(), s.isdecimal(), s.isnumeric(), s.isalnum(), s.isspace(), s.isupper(), s.islower(), s.istitle(), s.isidentifier(), s.isprintable(), s.isascii())

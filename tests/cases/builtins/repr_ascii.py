for v in ["abc", "é", "日本", "🐍", "\n", 'q"', "q'", b"\xe9", [1, "é"], ("ü",), {"ñ": "ö"}, 1.5, None]:
    print(repr(v), ascii(v))
print(repr(repr("x")), ascii(ascii("é")), repr(str), ascii([None, True]))

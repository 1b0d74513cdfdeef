s = "one two one two one"
print(s.replace("one", "1"), s.replace("one", "1", 2), s.replace("one", "1", 0), s.replace("one", "1", -1))
print(s.replace("", "-"), "abc".replace("", "-", 2), "".replace("", "x"), "aaa".replace("a", ""), "aaa".replace("aa", "b"))
print("hello".replace("l", "L"), "x".replace("x", "xx").replace("xx", "y"))
print("tab\there".expandtabs(), "a\tbc\tdef\tg".expandtabs(4), "x\ty".expandtabs(0), "ab\n\tc".expandtabs(2))
table = str.maketrans("abc", "xyz")
print("aabbcc".translate(table), "abcdef".translate(str.maketrans("", "", "aeiou")), "abc".translate({97: None, 98: "BB", 99: 100}))
print(str.maketrans({"a": "1", "b": None}))
print(sorted(str.maketrans("ab", "cd").items()))

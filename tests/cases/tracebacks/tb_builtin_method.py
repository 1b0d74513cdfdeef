def find_sep(s):
    return s.index(":")
print(find_sep("a:b"))
find_sep("ab")

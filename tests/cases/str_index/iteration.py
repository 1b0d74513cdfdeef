for i, c in enumerate("héllo"):
    print(i, c, ord(c))
print(list("abc"), tuple("ab"), set("aab") == {"a", "b"}, sorted("hello"), list(reversed("abc")))
it = iter("xy")
print(next(it), next(it), next(it, "done"))
print([c * 2 for c in "abc"], "".join(c.upper() if i % 2 else c for i, c in enumerate("alternating")))
print(dict(zip("abc", range(3))), list(map(ord, "AZ")), list(filter(str.isdigit, "a1b2c3")))

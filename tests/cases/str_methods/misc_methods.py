s = "Hello, World"
print(s.count("o"), s.index(","), len(s), s * 2, s + "!", s[::-1])
print("abc".encode(), "é".encode(), "é".encode("utf-8"), "日本".encode(), "abc".encode("ascii"), "é".encode("latin-1"))
try:
    "é".encode("ascii")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError", e)
print("é".encode("ascii", "ignore"), "é".encode("ascii", "replace"), "é".encode("ascii", "backslashreplace"), "é€".encode("ascii", "xmlcharrefreplace"))
print(str.upper("x"), str.join("-", ["a", "b"]), getattr("abc", "upper")(), getattr("abc", "missing", "dflt"))
print("%".join("ab"), "a".join(""), "Title Case".istitle(), "x".isupper())
print(hasattr("", "split"), hasattr("", "nope"), callable("".split), callable("x"))
m = getattr(" pad ", "strip")
print(repr(m()), type("").__name__)
try:
    "abc".nope()
except AttributeError as e:
    print("AttributeError", e)
try:
    "abc".count()
except TypeError as e:
    print("TypeError", e)

s = "hello world, hello krait"
print(s.find("hello"), s.find("hello", 1), s.find("zzz"), s.find(""), s.find("", 100), s.find("o", 5, 10))
print(s.rfind("hello"), s.rfind("o"), s.rfind("zzz"), s.rfind(""), s.rfind("l", 0, 5))
print(s.index("world"), s.rindex("hello"), s.count("l"), s.count("hello"), s.count(""), s.count("l", 5, 15))
print(s.find("o", -5), s.find("h", -100), s.find("k", 10, -1), "aaaa".count("aa"), "".count(""))
print("hello" in s, "Hello" in s, "" in s, "krait" not in s)
for args in [("zzz",), ("h", 1, 3)]:
    try:
        print(s.index(*args))
    except ValueError as e:
        print("ValueError", e)
try:
    s.rindex("q")
except ValueError as e:
    print("ValueError", e)
print(s.startswith("hello"), s.startswith("world", 6), s.startswith(("x", "he")), s.endswith("krait"), s.endswith(("a", "b")), s.endswith("hello", 0, 5))
print("".startswith(""), "abc".startswith(""), "abc".endswith("abc", 1))
try:
    s.startswith(["a"])
except TypeError as e:
    print("TypeError", e)

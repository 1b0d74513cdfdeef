print(b"abc" == b"abc", b"abc" < b"abd", b"abc" < b"ab", b"" < b"\x00", b"\xff" > b"\x00\x00")
print(b"abc" == "abc", b"a" != "a", sorted([b"b", b"a", b"ab", b""]))
try:
    print(b"a" < "a")
except TypeError as e:
    print("TypeError", e)
try:
    print(b"a" + "a")
except TypeError as e:
    print("TypeError", e)
try:
    print("a" + b"a")
except TypeError as e:
    print("TypeError", e)
print(hash(b"abc") == hash(b"abc"), hash(b""), hash(b"abc") == hash("abc"))
print({b"a": 1, b"b": 2}[b"a"], b"x" in {b"x"}, len({b"a", b"a", b"b"}))

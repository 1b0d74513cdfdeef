s = "naïve café — 日本 🐍"
b = s.encode()
print(b, len(s), len(b))
print(b.decode(), b.decode("utf-8") == s)
print(s.encode("utf-8", "strict")[:5], "abc".encode("latin-1"), "ÿ".encode("latin-1"))
print(b"\xff\xfe".decode("latin-1"), b"caf\xc3\xa9".decode())
try:
    b"\xff".decode()
except UnicodeDecodeError as e:
    print("UnicodeDecodeError", e)
try:
    b"abc\xe9".decode("ascii")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError", e)
print(b"\xffabc".decode("utf-8", "replace"), b"\xffabc".decode("utf-8", "ignore"), b"\xffabc".decode("utf-8", "backslashreplace"))
print(str(b"abc", "ascii"), str(b"x\xc3\xa9", encoding="utf-8"))
try:
    "x".encode("no-such-codec")
except LookupError as e:
    print("LookupError", e)

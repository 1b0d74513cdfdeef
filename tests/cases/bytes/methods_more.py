b = b"  The Quick  brown\tfox \n"
print(b.split(), b.strip(), b.lstrip(), b.rstrip(), b.splitlines(), b.lower(), b.title())
print(b"abc".removeprefix(b"a"), b"abc".removesuffix(b"c"), b"a.b.c".rpartition(b"."), b"xyz".translate(None, b"y"))
print(b"hello".translate(bytes.maketrans(b"el", b"ip")), b"abc".isascii(), b"\x80".isascii(), b"Hi There".istitle())
print(b"ab".join([b"1", b"2", b"3"]), b"".join([]), b"x".join((b"a",)), b"%".join([b"", b""]))
try:
    b"-".join([b"a", "b"])
except TypeError as e:
    print("TypeError", e)
try:
    b"-".join([b"a", 1])
except TypeError as e:
    print("TypeError", e)
print(b"abcabc".count(b"bc", 2), b"abcabc".rindex(b"a"), b"abc".startswith(b"bc", 1), b"hello"[1:-1].upper())

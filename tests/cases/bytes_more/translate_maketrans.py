# bytes.translate with a table and/or delete set, bytes.maketrans.
t = bytes.maketrans(b"abc", b"xyz")
print(len(t), t[97:100], b"aabbcc-abc".translate(t), b"hello".translate(None, b"l"), b"hello".translate(t, b"h"))
print(b"abc".translate(None), b"abc".translate(None, delete=b"ac"), b"".translate(t), b"\xff\x00".translate(bytes(range(256))[::-1]))
for bad in [lambda: b"abc".translate(b"x"), lambda: bytes.maketrans(b"ab", b"x"), lambda: b"abc".translate(1),
            lambda: b"abc".translate(None, 1), lambda: bytes.maketrans("a", b"b"), lambda: b"a".translate(),
            lambda: bytes.maketrans(), lambda: bytes.maketrans(b"a"), lambda: b"a".translate(None, b"a", 1)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

# str() of the Unicode errors: the single byte / character forms and the
# range forms, and the escapes of the character.

for ch in ["\x00", "\x7f", "\xe9", "\xff", "\u0100", "\u20ac", "\uffff", "\U00010000", "\U0001f600", "\udc80"]:
    s = "ab" + ch + "cd"
    print(str(UnicodeEncodeError("ascii", s, 2, 3, "ordinal not in range(128)")))
    print(str(UnicodeTranslateError(s, 2, 3, "no mapping")))
    print(repr(UnicodeEncodeError("ascii", s, 2, 3, "r")))

for b in [b"\x00", b"\x7f", b"\x80", b"\xff"]:
    print(str(UnicodeDecodeError("utf-8", b"xy" + b, 2, 3, "invalid start byte")))

print("-- ranges")
print(UnicodeEncodeError("ascii", "abcdef", 1, 4, "r"))
print(UnicodeEncodeError("ascii", "abcdef", 2, 2, "empty"))
print(UnicodeEncodeError("ascii", "abc", 5, 6, "past the end"))
print(UnicodeEncodeError("ascii", "abc", 0, 9, "long"))
print(UnicodeEncodeError("ascii", "abc", 1, 0, "backwards"))
print(UnicodeDecodeError("ascii", b"abcdef", 1, 4, "r"))
print(UnicodeDecodeError("ascii", b"abc", 0, 0, "empty"))
print(UnicodeDecodeError("ascii", b"abc", 5, 6, "past the end"))
print(UnicodeDecodeError("ascii", b"", 0, 1, "no data"))
print(UnicodeTranslateError("abcdef", 0, 6, "r"))
print(UnicodeTranslateError("abc", 3, 4, "past"))

print("-- changed attributes")
e = UnicodeEncodeError("ascii", "abc", 0, 1, "r")
e.object = "\u1234xyz"
print(e)
e.start, e.end = 1, 3
print(e)
e.end = 2
print(e)
e.encoding = 42
e.reason = ["a", "list"]
print(e)
d = UnicodeDecodeError("utf-8", b"\xc3", 0, 1, "unexpected end of data")
d.object = b"\xc3\xa9\xff"
d.start, d.end = 2, 3
print(d)
print(repr(d), d.args)
t = UnicodeTranslateError("abc", 0, 1, "r")
t.object = "\U0001f600"
print(t)
t.reason = None
print(t)

print("-- not initialised by a subclass-free path")
x = UnicodeDecodeError("utf-8", b"a", 0, 1, "r")
del x.object
print(repr(str(x)), x.object)

class C: pass
c = C()
c.__index__ = 5
for f in (lambda: [1][c], lambda: (1, 2)[c], lambda: "ab"[c], lambda: range(3)[c], lambda: [1, 2][c:], lambda: [0] * c, lambda: b"ab"[c], lambda: bytearray(b"ab")[c], lambda: "%c" % c, lambda: chr(c)):
    try:
        print(f())
    except TypeError as e:
        print(e)
c.__index__ = lambda: 1
for f in (lambda: [1][c], lambda: "ab"[c], lambda: range(3)[c]):
    try:
        print(f())
    except TypeError as e:
        print(e)

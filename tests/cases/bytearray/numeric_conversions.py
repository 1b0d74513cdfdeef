print(ord(bytearray(b"a")), int(bytearray(b"12")), float(bytearray(b"1.5")), int(bytearray(b"ff"), 16))
for f in (lambda: ord(bytearray(b"ab")), lambda: int(bytearray(b"x")), lambda: float(bytearray(b"y")), lambda: int(memoryview if False else bytearray(b" 7 "))):
    try:
        print(f())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

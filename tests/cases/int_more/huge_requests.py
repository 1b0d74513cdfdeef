# Sizes no machine grants fail as CPython fails them: a catchable
# MemoryError, chr()'s C int overflow, and a shift by a count whose
# digit count CPython cannot even represent.
def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

t(lambda: chr(2**100))
t(lambda: chr(2**40))
t(lambda: chr(-2**31 - 1))
t(lambda: chr(-1))
t(lambda: 1 << 2**100)
t(lambda: 1 << 2**66)
t(lambda: 1 << 2**62)
t(lambda: 0 << 2**100)
t(lambda: -1 >> 2**100)
t(lambda: [0] * 2**62)
t(lambda: "a" * 2**62)
t(lambda: b"a" * 2**62)
t(lambda: bytearray(2**62))
t(lambda: len(range(2**100)))

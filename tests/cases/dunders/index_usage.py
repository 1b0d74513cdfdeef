class I:
    def __init__(self, v):
        self.v = v
        self.uses = 0
    def __index__(self):
        self.uses += 1
        return self.v
two, four = I(2), I(4)
s = "abcdefgh"
print(s[two], s[two:four], s[::two], s[I(-4)], s[two:], list(range(10))[two:four])
print(two.uses, four.uses)
print(list(range(two, I(10), two)), range(I(5))[::two])
print([0] * I(3), (1, 2) * I(2))
print(hex(I(4095)), bin(I(-5)), oct(I(64)))
print(I(3).__index__(), int(I(3)), isinstance(I(3), int))
lst = list("hello")
lst[I(0)] = "J"
lst.insert(I(1), "!")
print(lst.pop(I(-1)), "".join(lst))
print(repr("x".center(I(5))), "abc".ljust(I(4), "."))
print(chr(I(65)), "ABC"[I(1)])
for bad in (1.5, "1", None):
    try:
        s[bad]
    except TypeError as e:
        print(type(e).__name__, e)
try:
    s[I(100)]
except IndexError as e:
    print(type(e).__name__, e)
class Huge:
    def __index__(self):
        return 10 ** 30
try:
    s[Huge()]
except IndexError as e:
    print(type(e).__name__, e)
print(repr(s[Huge():]), s[:Huge()])
try:
    [0] * Huge()
except OverflowError as e:
    print(type(e).__name__, e)
except MemoryError as e:
    print(type(e).__name__)

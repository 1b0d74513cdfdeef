for w in ["", "a", "abc", "abcdef"]:
    print(repr(w.center(7)), repr(w.center(6, "*")), repr(w.ljust(5)), repr(w.rjust(5, ".")), repr(w.zfill(5)))
print("42".zfill(5), "-42".zfill(5), "+42".zfill(5), "abc".zfill(2), "-".zfill(3), "".zfill(2))
print("x".center(4, "-"), "xy".center(5, "-"), "x".center(2, "-"), "ab".center(3))
try:
    "x".center(5, "ab")
except TypeError as e:
    print("TypeError", e)
try:
    "x".ljust("5")
except TypeError as e:
    print("TypeError", e)

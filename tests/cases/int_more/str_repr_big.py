# str/repr/hex/oct/bin of big ints and the 4300-digit limit for base 10.
for v in [2**100, -2**100, 10**50, -(10**50) + 1, 2**64 - 1, 7**80]:
    print(v, repr(v), str(v) == repr(v), hex(v), oct(v), bin(v)[:40], f"{v}", f"{v:x}", f"{v:,}"[:30])
big = 10 ** 4299
print(len(str(big)), len(repr(-big)), str(big)[:5], len(hex(10 ** 5000)), len(bin(2 ** 20000)))
for f in [str, repr, lambda v: f"{v}", lambda v: f"{v:d}", lambda v: f"{v:,}", lambda v: "%d" % v]:
    try:
        print(len(f(10 ** 4300)))
    except ValueError as e:
        print("ValueError", e)
try:
    int("1" * 4301)
except ValueError as e:
    print("ValueError", e)
print(len(str(int("9" * 4300))), int("0x" + "f" * 5000, 16) > 0, int("1" * 5000, 2) > 0)
print(len(f"{10**5000:x}"), len(f"{10**5000:b}"), len(f"{10**5000:o}"), f"{10**300:e}", f"{10**300:.3g}")

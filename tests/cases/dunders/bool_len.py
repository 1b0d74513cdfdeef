class Flag:
    def __init__(self, v):
        self.v = v
    def __bool__(self):
        print("  __bool__", self.v)
        return self.v
class Sized:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
print(bool(Flag(True)), bool(Flag(False)))
print(not Flag(True))
print(Flag(False) or "fallback")
r = Flag(True) and "second"
print(r)
print([bool(Sized(n)) for n in (0, 1, 5)], len(Sized(3)))
if Sized(0):
    print("nonempty")
else:
    print("empty")
print(Sized(2) and "yes")
x = Sized(0) or Sized(4)
print(x.n)
n = 0
w = Sized(3)
while w:
    n += 1
    w.n -= 1
print("loops", n)
class Both:
    def __bool__(self):
        return False
    def __len__(self):
        return 10
print(bool(Both()), len(Both()))
class Neither:
    pass
print(bool(Neither()))
for bad in (1, 0, None, "True", [1]):
    try:
        bool(Flag(bad))
    except TypeError as e:
        print(type(e).__name__, e)
try:
    if Flag(2):
        pass
except TypeError as e:
    print(type(e).__name__, e)
for n in (-1, "3", 2.0, 2 ** 63, True):
    try:
        print(len(Sized(n)), bool(Sized(n)))
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)
class LenIndex:
    def __len__(self):
        class I:
            def __index__(self):
                return 4
        return I()
try:
    print(len(LenIndex()))
except TypeError as e:
    print(type(e).__name__, e)
class BoolSub(int):
    pass
class ReturnsNumpyish:
    def __bool__(self):
        return BoolSub(1)
try:
    bool(ReturnsNumpyish())
except TypeError as e:
    print(type(e).__name__, e)
print(any([Sized(0), Sized(0)]), all([Sized(1), Flag(True)]))
print(list(filter(None, [Sized(0), Sized(1), Sized(2)]))[0].n)

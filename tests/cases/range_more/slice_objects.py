# slice objects: repr, attributes, indices(), comparison.
s = slice(1, 10, 2)
print(s, slice(5), slice(None), slice(1, None), slice("a", [1], None), s.start, s.stop, s.step)
for sl in [slice(None), slice(None, None, -1), slice(2, 8, 3), slice(-3, None), slice(-100, 100), slice(100, -100, -1),
           slice(10**30, -10**30, 10**25), slice(None, None, 10**30), slice(None, None, -10**30), slice(True, 3)]:
    print(sl, sl.indices(5), sl.indices(0), sl.indices(10**40)[:2])
print(slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 3), slice(1, 2) < slice(1, 3), slice(1, 2) != (1, 2, None))
print(slice(1, 2) <= slice(1, 2), slice(2) > slice(1), [1, 2, 3, 4][slice(1, 3)], "abcdef"[slice(None, None, 2)])
class Idx:
    def __init__(self, v):
        self.v = v
    def __index__(self):
        return self.v
l = list(range(10))
print(l[Idx(2):Idx(8):Idx(2)], l[Idx(3)], range(10)[Idx(4)], (1, 2, 3)[Idx(-1)], slice(Idx(1), Idx(3)).indices(10))
print(l.index(5, Idx(1), Idx(9)), [1] * Idx(3), l[Idx(-2):])

def check(label, f):
    try:
        print(label, "->", f())
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)

check("no args", lambda: slice())
check("4 args", lambda: slice(1, 2, 3, 4))
check("kw", lambda: slice(a=1))
check("neg len", lambda: slice(1).indices(-1))
check("step 0", lambda: slice(1, 2, 0).indices(5))
check("str start", lambda: slice("a").indices(5))
check("str len", lambda: slice(1, 2, 3).indices("a"))
check("float len", lambda: slice(1, 2, 3).indices(2.5))
check("no len", lambda: slice(1).indices())
check("hash", lambda: hash(slice(1)))
check("lt mixed", lambda: slice(1, 2) < slice(1, "a"))

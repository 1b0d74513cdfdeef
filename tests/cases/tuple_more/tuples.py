# tuple construction, repr, hashing (CPython's algorithm), comparison, methods.
print((), (1,), (1, 2), ((),), ((1,),), tuple(), tuple("ab"), tuple([1, 2]), tuple(range(3)), tuple(x for x in "xy"))
t = (1, 2, 3)
print(tuple(t) is t, t[0], t[-1], t[1:], t[::-1], t[:] is t, t[0:3] is t, t[5:], len(t), bool(()), bool((0,)))
for v in [(), (1,), (1, 2), (1, 2, 3), ("a", "b"), ((1, 2), "a"), (True, False), (1.5, -2.0), (10**30, -1),
          (-1,), (-2,), (0, 0), ((), ((),)), (2**61, 2**62), ("", "é", "\U0001F600"), (float("inf"),)]:
    print(v, hash(v))
print(hash((1, 2)) == hash((1.0, 2.0)), hash((True,)) == hash((1,)))
print(t + (4,), t + () is t, () + t is t, t * 2, 2 * t, t * 1 is t, t * 0, t * -1, () * 5)
print(t.count(1), t.count(9), (1, 1.0, True).count(1), t.index(2), t.index(3, 1), t.index(3, -1))
for a, b in [((), ()), ((1,), ()), ((1, 2), (1, 3)), ((1, 2, 3), (1, 2)), ((1, "a"), (1, "a"))]:
    print(a, b, a < b, a <= b, a == b, a != b, a > b, a >= b)
print(1 in t, 5 in t, (1, 2) in [(1, 2)], t == [1, 2, 3], t != [1, 2, 3])
d = {(1, 2): "a", (1, (2, 3)): "b"}
print(d[(1, 2)], d[1, (2, 3)])
print(t.__len__(), t.__getitem__(0), t.__contains__(2), list(t.__iter__()), list(reversed(t)))
big = (0,) * 100000
print(len(big), hash(big) == hash((0,) * 100000))

def check(label, f):
    try:
        print(label, "->", f())
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)

check("concat list", lambda: t + [1])
check("mul float", lambda: t * 1.5)
check("mul tuple", lambda: (1,) * (1,))
check("mul huge", lambda: t * 10**30)
check("oob", lambda: t[3])
check("str index", lambda: t["a"])
check("huge index", lambda: t[10**20])
check("index missing", lambda: t.index(9))
check("index start str", lambda: t.index(1, "a"))
check("index no args", lambda: t.index())
check("count no args", lambda: t.count())
check("kw", lambda: tuple(iterable=[1]))
check("2 args", lambda: tuple(1, 2))
check("not iterable", lambda: tuple(5))
check("unhashable item", lambda: hash((1, [])))
check("lt list", lambda: (1,) < [1])
check("lt mixed", lambda: (1, "a") < (1, 2))
check("assign", lambda: t.__setitem__(0, 1))

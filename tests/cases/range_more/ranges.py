# range: construction, len, items, slices, membership, equality, hash, repr.
for args in [(5,), (2, 8), (2, 8, 3), (10, 0, -3), (0,), (-5,), (5, 5), (0, 10, 100), (3, -3, -1), (True, 5),
             (0, 2**70), (-2**70, 2**70, 2**69), (2**47 - 2, 2**47 + 2), (-2**47 - 3, -2**47 + 2), (0, -3 * 2**47, -2**47)]:
    r = range(*args)
    print(repr(r), r.start, r.stop, r.step, bool(r))
    try:
        print(len(r), list(r)[:6], list(reversed(r))[:6])
    except OverflowError as e:
        print("OverflowError:", e, r[0], r[-1], r[3])
r = range(0, 20, 3)
print(r[0], r[-1], r[2], r[-7], r[True], r[2:5], r[::-1], r[1::2], r[::-2], r[100:], r[-100:2], r[5:1])
print(list(r[::-1]), list(r[1:6:2]))
print(range(10**30)[-1], range(10**30)[10**29], range(10**30)[:5], range(0, 10**30, 7)[10**20::3])
print(list(range(10**20, 10**20 + 3)), list(reversed(range(10**20, 10**20 + 3))))
print(3 in r, 4 in r, 18 in r, 21 in r, -3 in r, 3.0 in r, 3.5 in r, "a" in r, True in range(2), 10**30 + 1 in range(10**30, 10**30 + 3))
print(r.index(9), r.count(9), r.count(10), r.count(9.0), range(10, 0, -2).index(4), range(5).index(True))
print(range(3) == range(0, 3, 1), range(0) == range(5, 2), range(1, 2, 3) == range(1, 3, 5), range(2) != range(3))
print(range(0, 3, 2) == range(0, 4, 2), range(3) == [0, 1, 2], range(10**30) == range(0, 10**30))
# (hashes of empty and 1-item ranges involve hash(None), which varies in CPython 3.11)
for x in [range(3), range(0, 10, 2), range(10**20), range(5, -5, -3)]:
    print(x, hash(x))
print(hash(range(0)) == hash(range(5, 2)), hash(range(1, 2, 3)) == hash(range(1, 3, 5)))
print(sum(range(1000)), sum(range(-50, 50, 7)), max(range(7)), min(range(3, 9)))
total = 0
for i in range(100000):
    total += i
print(total)
it = iter(range(3))
print(type(it).__name__, next(it), it.__length_hint__(), list(it), list(it))
print(type(iter(range(10**20))).__name__, type(reversed(range(3))).__name__)
print(list(range(5).__reversed__()), range(5).__len__(), range(5).__getitem__(2), range(5).__contains__(3))

def check(label, f):
    try:
        print(label, "->", f())
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)

check("no args", lambda: range())
check("4 args", lambda: range(1, 2, 3, 4))
check("step 0", lambda: range(1, 2, 0))
check("float", lambda: range(1.5))
check("float stop", lambda: range(1, 2.5))
check("str step", lambda: range(1, 2, "a"))
check("kw", lambda: range(stop=4))
check("len huge", lambda: len(range(10**20)))
check("oob", lambda: range(10)[10])
check("oob neg", lambda: range(5)[-6])
check("huge oob", lambda: range(10)[10**30])
check("str index", lambda: range(10)["a"])
check("none index", lambda: range(10)[None])
check("index missing", lambda: range(3).index(5))
check("index str", lambda: range(3).index("a"))
check("count no args", lambda: range(3).count())
check("index kw", lambda: range(3).index(x=1))
check("lt", lambda: range(3) < range(4))
check("slice step 0", lambda: range(3)[::0])
check("slice str", lambda: range(3)["a":])
check("setitem", lambda: range(3).__setitem__(0, 1))

# list.sort and sorted(): stability, key, reverse, fast paths, errors.
seed = 12345
def rand():
    global seed
    seed = (seed * 1103515245 + 12345) % 2**31
    return seed

for n in [0, 1, 2, 3, 10, 63, 64, 65, 100, 1000, 5000]:
    data = [rand() % 50 for _ in range(n)]
    pairs = [(v, i) for i, v in enumerate(data)]
    s = sorted(pairs, key=lambda p: p[0])
    ok = all(s[i][0] < s[i + 1][0] or (s[i][0] == s[i + 1][0] and s[i][1] < s[i + 1][1]) for i in range(n - 1))
    r = sorted(pairs, key=lambda p: p[0], reverse=True)
    ok_r = all(r[i][0] > r[i + 1][0] or (r[i][0] == r[i + 1][0] and r[i][1] < r[i + 1][1]) for i in range(n - 1))
    fl = sorted(float(v) / 7 for v in data)
    st = sorted(str(v) for v in data)
    print(n, ok, ok_r, sum(x * i for i, (x, _) in enumerate(s)) % 1000003, fl[:3], st[-3:])

print(sorted([3, 1, 2]), sorted([3, 1, 2], reverse=True), sorted("hello"), sorted((2, 1)))
print(sorted(["b", "A", "c", "a"], key=str.lower), sorted([-3, 2, -1], key=abs))
print(sorted([[2, 1], [1, 2], [1]]), sorted([(1, "b"), (1, "a"), (0, "z")]))
print(sorted([1.5, 1, True, 0.5, False]), sorted([10**20, 5, -10**30, 2**47, -2**47]))
print(sorted(["é", "e", "z", "ä", "\U0001F600", "a"]))
print(sorted(range(20, 0, -3)), sorted([5] * 5), sorted(list(range(100)) + list(range(100)))[::25])
l = list(range(200, 0, -1)) + list(range(200))
l.sort()
print(l[:5], l[-5:], l == sorted(l))
calls = []
def key(x):
    calls.append(x)
    return -x
w = [3, 1, 2]
w.sort(key=key)
print(w, calls)
one = [5]
one.sort(key=key)
print(one, calls)
print(sorted([1], key=lambda x: x / 0 if False else x))

def trial(data, **kw):
    try:
        data.sort(**kw)
        print("ok", data)
    except Exception as e:
        shown = data if not any(isinstance(x, Bad) for x in data) else len(data)
        print(type(e).__name__ + ":", e, shown)

class Bad:
    def __lt__(self, other):
        raise RuntimeError("no order")
trial([3, 1, "a", 2])
trial(["b", "a", 3, 1])
trial([1, None])
trial([None, 1])
trial([2, 1], key=lambda x: 1 / (x - 1))
lst = [3, 2, 1]
def mut(x):
    lst.append(x)
    return x
trial(lst, key=mut)
lst2 = [3, 2, 1]
def peek(x):
    print("len during sort", len(lst2))
    return x
trial(lst2, key=peek)
trial([Bad(), Bad()])
trial([1, 2, 3], reverse=1)
trial([(1, "b"), (1, "a")], key=lambda p: p[0], reverse=True)

# Key functions and comparisons that allocate a lot (collections happen
# in the middle of sorting, extending and mapping).
def key(x):
    junk = [[i] * 10 for i in range(50)]
    return (x % 7, str(x), junk[0][0])
data = [(i * 7919) % 1000 for i in range(600)]
data.sort(key=key)
print(data[:10], data[-5:])
class K:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        [0] * 100
        return self.v < other.v
ks = [K((i * 31) % 97) for i in range(300)]
ks.sort()
print([k.v for k in ks[:12]])
print(sorted(ks, key=lambda k: -k.v)[0].v)
def g(n):
    for i in range(n):
        yield [i] * 20
l = []
l.extend(g(2000))
print(len(l), l[-1][:3])
print(list(map(lambda a, b: (a, b, [a] * 30)[:2], range(1000), g(1000)))[-1][0])
print(sum(1 for _ in zip(g(500), g(500), strict=True)))
print(list(filter(lambda x: len([x] * 50) and x[0] % 100 == 0, g(1000)))[-1][:2])

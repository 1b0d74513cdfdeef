def permutations(items):
    if len(items) <= 1:
        yield list(items)
        return
    for i in range(len(items)):
        rest = items[:i] + items[i + 1:]
        for p in permutations(rest):
            yield [items[i]] + p
print(["".join(p) for p in permutations("abc")])
print(len(list(permutations([1, 2, 3, 4]))))
def combinations(items, k):
    if k == 0:
        yield ()
        return
    for i in range(len(items)):
        for rest in combinations(items[i + 1:], k - 1):
            yield (items[i],) + rest
print(list(combinations("abcd", 2)))
print(sum(1 for _ in combinations(range(10), 3)))
def subsets(items):
    if not items:
        yield []
        return
    for s in subsets(items[1:]):
        yield s
        yield [items[0]] + s
print(sorted(subsets([1, 2, 3]), key=lambda s: (len(s), s)))
def hanoi(n, a="A", b="B", c="C"):
    if n == 0:
        return
    yield from hanoi(n - 1, a, c, b)
    yield (n, a, c)
    yield from hanoi(n - 1, b, a, c)
moves = list(hanoi(4))
print(len(moves), moves[:5])
def walk(d, prefix=""):
    for k, v in d.items():
        path = prefix + "/" + k
        if isinstance(v, dict):
            yield from walk(v, path)
        else:
            yield path, v
fs = {"etc": {"hosts": 1, "ssh": {"config": 2}}, "tmp": {}, "readme": 3}
print(list(walk(fs)))
def partitions(n, max_part=None):
    if max_part is None:
        max_part = n
    if n == 0:
        yield []
        return
    for p in range(min(n, max_part), 0, -1):
        for rest in partitions(n - p, p):
            yield [p] + rest
print(list(partitions(5)))
print(sum(1 for _ in partitions(15)))
def deep(n):
    if n:
        yield from deep(n - 1)
    yield n
print(sum(deep(200)))

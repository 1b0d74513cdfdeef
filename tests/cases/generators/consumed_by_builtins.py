def gen(n):
    for i in range(n):
        print("yield", i)
        yield i
print(sum(gen(4)), list(gen(2)), tuple(gen(2)), sorted(gen(3)), set(gen(2)), frozenset(gen(1)))
print(min(gen(3)), max(gen(3)), any(x > 1 for x in gen(5)), all(x < 1 for x in gen(5)))
print("-".join(str(x) for x in range(4)), sum(x * x for x in range(10**5)))
g = gen(5)
print(any(x == 1 for x in g), next(g, None) if False else "")
try:
    min(x for x in [])
except ValueError as e:
    print(e)
try:
    sum(x for x in [1, "a", 2])
except TypeError as e:
    print(e)
def boom():
    yield 1
    raise KeyError("k")
try:
    list(boom())
except KeyError as e:
    print("KeyError", e)
def stop():
    yield 1
    raise StopIteration
try:
    sum(stop())
except RuntimeError as e:
    print("RuntimeError", e)
h = gen(3)
next(h)
print(list(h), list(h))
print(max((len(w), w) for w in "the quick brown fox".split()))
print(sum((0.1 for _ in range(10))), sum([]), all(()), any(iter([])))

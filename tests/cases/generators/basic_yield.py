def count_up(n):
    print("  start")
    i = 0
    while i < n:
        print("  yielding", i)
        yield i
        i += 1
    print("  done")
g = count_up(3)
print(type(g).__name__)
print(next(g))
print(next(g))
print(list(g))
print(list(g), next(g, "exhausted"))
def evens():
    yield 0
    yield 2
    yield 4
print(list(evens()), sum(evens()), max(evens()), 2 in evens(), tuple(evens()))
def nothing():
    return
    yield
print(list(nothing()))
def only_if(flag):
    if flag:
        yield "yes"
print(list(only_if(True)), list(only_if(False)))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(15)])
for i, v in enumerate(fib()):
    if v > 1000:
        print("first fib over 1000:", i, v)
        break
def chars(s):
    for c in s:
        yield c.upper()
        yield c
print("".join(chars("abc")))
def gen_with_locals():
    total = 0
    for x in [5, 10, 15]:
        total += x
        yield total
print(list(gen_with_locals()))
g1, g2 = evens(), evens()
print(next(g1), next(g1), next(g2))
print(iter(g1) is g1, hasattr(g1, "__next__"))
g3 = (x * x for x in range(4))
print(type(g3).__name__, list(g3), list(g3))

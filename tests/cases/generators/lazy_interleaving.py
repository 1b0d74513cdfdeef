def source(n):
    for i in range(n):
        print("  source ->", i)
        yield i
def double(it):
    for v in it:
        print("  double", v)
        yield v * 2
def keep_big(it, limit):
    for v in it:
        if v >= limit:
            print("  keep", v)
            yield v
pipeline = keep_big(double(source(5)), 4)
print("built pipeline, nothing ran yet")
print("first:", next(pipeline))
print("rest:", list(pipeline))
g = source(10)
print(any(v > 2 for v in g))
print("left in g:", list(g))
g = source(4)
print(all(v < 1 for v in g), "remaining:", next(g))
g = source(6)
print(3 in g, "after membership:", next(g))
g = (print("  genexp body", i) or i for i in range(3))
print("genexp created")
print(next(g))
z = zip(source(2), source(3))
print(list(z))
m = map(lambda v: v + 100, source(2))
print("map created")
print(list(m))

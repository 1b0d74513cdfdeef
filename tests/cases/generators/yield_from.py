def inner(n):
    for i in range(n):
        yield i
    return "inner done %d" % n
def outer():
    r1 = yield from inner(2)
    print("  r1 =", r1)
    r2 = yield from inner(3)
    print("  r2 =", r2)
    return r1 + " & " + r2
print(list(outer()))
g = outer()
try:
    while True:
        print("val", next(g))
except StopIteration as e:
    print("outer returned:", e.value)
def flatten(x):
    if isinstance(x, (list, tuple)):
        for item in x:
            yield from flatten(item)
    else:
        yield x
print(list(flatten([1, [2, [3, (4, 5)], []], [[[6]]], 7])))
def from_iterables():
    yield from [1, 2]
    yield from "ab"
    yield from range(3, 5)
    yield from {"k": 1, "j": 2}
    yield from (x * 10 for x in (1, 2))
    yield from iter([None])
print(list(from_iterables()))
def returns_nothing():
    yield 1
def collect():
    r = yield from returns_nothing()
    yield ("returned", r)
print(list(collect()))
def depth(n):
    if n == 0:
        yield "bottom"
        return 0
    d = yield from depth(n - 1)
    yield "level %d" % n
    return d + 1
gen = depth(4)
vals = []
while True:
    try:
        vals.append(next(gen))
    except StopIteration as e:
        vals.append(("depth", e.value))
        break
print(vals)
try:
    def bad():
        yield from 5
    list(bad())
except TypeError as e:
    print(type(e).__name__, e)
def chain(*its):
    for it in its:
        yield from it
print(list(chain([1], (), "xy", range(2))))

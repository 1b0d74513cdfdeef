def make_counter():
    count = 0
    def inc(by=1):
        nonlocal count
        count += by
        return count
    return inc
c1 = make_counter()
c2 = make_counter()
print(c1(), c1(), c1(10), c2(), c1())
def make_adders():
    adders = []
    for i in range(3):
        adders.append(lambda x: x + i)
    return adders
print([a(10) for a in make_adders()])
def make_adders_fixed():
    return [lambda x, i=i: x + i for i in range(3)]
print([a(10) for a in make_adders_fixed()])
def outer():
    x = "outer"
    def middle():
        def inner():
            return x
        return inner
    return middle()()
print(outer())
def acc():
    items = []
    def add(x):
        items.append(x)
        return list(items)
    return add
a = acc()
print(a(1), a(2), a(3))
def late():
    fs = []
    for n in range(3):
        def f():
            return n
        fs.append(f)
    n = 99
    return [f() for f in fs]
print(late())

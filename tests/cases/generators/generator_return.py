def g1():
    yield 1
    return 42
def g2():
    return "no yields reached"
    yield
def g3():
    if False:
        yield
print(list(g1()), list(g2()), list(g3()))
for gen in (g1(), g2(), g3()):
    try:
        while True:
            next(gen)
    except StopIteration as e:
        print(repr(e.value), e.args)
def ret_none():
    yield
    return None
try:
    r = ret_none()
    next(r)
    next(r)
except StopIteration as e:
    print(e.value, e.args, repr(e))
def ret_tuple():
    yield
    return 1, 2
try:
    r = ret_tuple()
    next(r); next(r)
except StopIteration as e:
    print(e.value, e.args)
def ret_in_finally():
    try:
        yield 1
    finally:
        return "from finally"
r = ret_in_finally()
next(r)
try:
    next(r)
except StopIteration as e:
    print(e.value)
def early(n):
    for i in range(n):
        if i == 2:
            return "early at 2"
        yield i
print(list(early(5)))
def outer():
    v = yield from early(5)
    return "outer saw: " + v
try:
    o = outer()
    while True:
        next(o)
except StopIteration as e:
    print(e.value)

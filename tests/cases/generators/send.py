def accumulator():
    total = 0
    while True:
        x = yield total
        print("  received", x)
        if x is None:
            break
        total += x
    yield "final %d" % total
acc = accumulator()
print(next(acc))
print(acc.send(5))
print(acc.send(10))
print(acc.send(None))
try:
    acc.send(1)
except StopIteration as e:
    print("StopIteration", e.value)
g = accumulator()
try:
    g.send(5)
except TypeError as e:
    print(type(e).__name__, e)
print(g.send(None))
def echo():
    received = []
    while len(received) < 3:
        v = yield len(received)
        received.append(v)
    return received
e = echo()
print(next(e), e.send("a"), e.send("b"))
try:
    e.send("c")
except StopIteration as stop:
    print("returned", stop.value, stop.args)
def averager():
    total, n, avg = 0, 0, None
    while True:
        x = yield avg
        total += x
        n += 1
        avg = total / n
a = averager()
next(a)
print([a.send(v) for v in (10, 20, 30, 40)])
def yield_expr_positions():
    a = (yield 1) + 100
    b = [(yield 2), (yield 3)]
    c = yield
    print("  got", a, b, c)
    yield a, b, c
y = yield_expr_positions()
print(next(y), y.send(1), y.send("x"), y.send("y"), y.send("z"))
def gen():
    yield 1
done = gen()
list(done)
try:
    done.send(None)
except StopIteration as e:
    print("send to finished:", type(e).__name__, e.value)

def gen():
    yield 1
    yield 2
g = gen()
print(g.gi_running, g.__name__, g.__qualname__)
def reentrant():
    yield next(me)
me = reentrant()
try:
    next(me)
except ValueError as e:
    print(type(e).__name__, e)
print(next(me, "finished after error"))
class Holder:
    def method_gen(self):
        yield self
h = Holder()
mg = h.method_gen()
print(next(mg) is h, mg.__name__, mg.__qualname__)
def observe():
    yield ("running inside", running_gen.gi_running)
running_gen = observe()
print(next(running_gen), running_gen.gi_running)
g = gen()
print(next(g), next(g), next(g, "end"), next(g, "still end"))
def counting():
    counting.calls += 1
    yield counting.calls
counting.calls = 0
c1 = counting()
c2 = counting()
print(counting.calls)
print(next(c2), next(c1), counting.calls)
g = gen()
for v in g:
    print("loop", v)
for v in g:
    print("never")
print("second loop over same generator did nothing")
def infinite():
    n = 0
    while True:
        n += 1
        yield n
inf = infinite()
first = [next(inf) for _ in range(3)]
rest = [v for v, _ in zip(inf, range(3))]
print(first, rest, next(inf))
lam_gen = (lambda: (yield 5))()
print(next(lam_gen), type(lam_gen).__name__)

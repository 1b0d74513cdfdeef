class Source:
    def __init__(self, items):
        self.items = list(items)
    def read(self):
        return self.items.pop(0) if self.items else ""
src = Source(["a", "b", "", "c"])
print(list(iter(src.read, "")))
print(src.items)
counter = [0]
def tick():
    counter[0] += 1
    return counter[0]
print(list(iter(tick, 5)))
it = iter(tick, 100)
print(next(it), next(it), type(it).__name__)
def gen_reader(chunks):
    for c in chunks:
        yield c
r = gen_reader(["x", "y", "STOP", "z"])
print(list(iter(lambda: next(r), "STOP")), list(r))
try:
    iter(5, 0)
except TypeError as e:
    print(type(e).__name__, e)
class Callable:
    def __init__(self):
        self.n = 3
    def __call__(self):
        self.n -= 1
        return self.n
print(list(iter(Callable(), 0)))
def raises():
    raise StopIteration
print(list(iter(raises, None)))

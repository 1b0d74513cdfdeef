class Counter:
    def __init__(self, start=0):
        self.value = start

    def inc(self, by=1):
        self.value += by
        return self.value

    def get(self):
        return self.value

c = Counter()
print(c.inc(), c.inc(), c.inc(5))
m = c.inc
print(m(), m(10), c.get())
print(Counter.inc(c, 100))
print(Counter.get(c))
d = Counter(7)
f = Counter.get
print(f(d), f(c))
print(m.__self__ is c, m.__func__ is Counter.inc)
print(m.__name__, m.__qualname__)
print(c.inc == c.inc, c.inc is c.inc, c.inc == d.inc)

def outside(self, suffix):
    return "outside:" + str(self.value) + suffix
Counter.describe = outside
print(c.describe("!"), d.describe("?"))

def plain(x):
    return x * 2
c.helper = plain
print(c.helper(21))
print("helper" in c.__dict__)

class Calc:
    factor = 3
    def scale(self, x):
        return x * self.factor
    def apply_all(self, xs):
        return [self.scale(x) for x in xs]
    def make_scaler(self):
        def inner(v):
            return self.scale(v) + 1
        return inner
calc = Calc()
print(calc.apply_all([1, 2, 3]))
s = calc.make_scaler()
print(s(10))
calc.factor = 10
print(s(10), calc.apply_all(range(3)))
print(list(map(calc.scale, [4, 5])))
print(sorted([3, 1, 2], key=calc.scale))
try:
    Counter.inc()
except TypeError as e:
    print(type(e).__name__, e)
try:
    c.get(1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    c.inc(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
try:
    c.inc(by=1, extra=2)
except TypeError as e:
    print(type(e).__name__, e)

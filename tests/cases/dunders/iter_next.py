class Countdown:
    def __init__(self, start):
        self.n = start
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
print(list(Countdown(5)))
c = Countdown(3)
for x in c:
    print("got", x)
print(list(c), next(c, "done"))
class Reusable:
    def __init__(self, data):
        self.data = data
    def __iter__(self):
        return ReusableIter(self.data)
class ReusableIter:
    def __init__(self, data):
        self.data, self.i = data, 0
    def __iter__(self):
        return self
    def __next__(self):
        if self.i >= len(self.data):
            raise StopIteration
        self.i += 1
        return self.data[self.i - 1]
r = Reusable("abc")
print(list(r), list(r), [x + y for x in r for y in r])
it = iter(r)
print(next(it), next(it), next(it), next(it, None))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", repr(e))
class BadIter:
    def __iter__(self):
        return 5
try:
    iter(BadIter())
except TypeError as e:
    print(type(e).__name__, e)
try:
    for _ in BadIter():
        pass
except TypeError as e:
    print(type(e).__name__, e)
class NotIterator:
    pass
try:
    next(NotIterator())
except TypeError as e:
    print(type(e).__name__, e)
class IterToNotIterator:
    def __iter__(self):
        return NotIterator()
try:
    list(IterToNotIterator())
except TypeError as e:
    print(type(e).__name__, e)
class NextOnly:
    def __init__(self):
        self.k = 0
    def __next__(self):
        self.k += 1
        if self.k > 2:
            raise StopIteration
        return self.k
n = NextOnly()
print(next(n), next(n), next(n, "end"))
try:
    iter(NextOnly())
except TypeError as e:
    print(type(e).__name__, e)
class StopWithValue:
    def __iter__(self):
        return self
    def __next__(self):
        raise StopIteration("payload")
print(list(StopWithValue()))
try:
    next(StopWithValue())
except StopIteration as e:
    print("value:", e.value, e.args)
class Infinite:
    def __init__(self):
        self.i = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.i += 1
        return self.i
inf = Infinite()
for v in inf:
    if v > 4:
        break
print(v, next(inf), list(zip(inf, "xy")), inf.i)
class ErrInNext:
    def __iter__(self):
        return self
    def __next__(self):
        raise ValueError("broken iterator")
try:
    for _ in ErrInNext():
        pass
except ValueError as e:
    print(type(e).__name__, e)
print(iter(c) is c, isinstance(iter(r), ReusableIter))

class Deque:
    def __init__(self, items=()):
        self._d = list(items)
    def __len__(self):
        return len(self._d)
    def __getitem__(self, i):
        if isinstance(i, slice):
            return Deque(self._d[i])
        return self._d[i]
    def __setitem__(self, i, v):
        self._d[i] = v
    def __delitem__(self, i):
        del self._d[i]
    def __iter__(self):
        print("  (iter)")
        return iter(self._d)
    def __reversed__(self):
        print("  (reversed)")
        return iter(self._d[::-1])
    def __contains__(self, x):
        print("  (contains)")
        return x in self._d
    def __repr__(self):
        return "Deque(%r)" % (self._d,)
    def __eq__(self, o):
        return isinstance(o, Deque) and self._d == o._d
    def __add__(self, o):
        return Deque(self._d + list(o))
    def __mul__(self, n):
        return Deque(self._d * n)
    __rmul__ = __mul__
    def appendleft(self, x):
        self._d.insert(0, x)
d = Deque([1, 2, 3])
d.appendleft(0)
print(d, len(d), d[0], d[-1], d[1:3])
print(list(reversed(d)))
print(2 in d, 9 not in d)
d[0] = "zero"
del d[1]
print(d, d * 2, 2 * d, d + [4], d + d)
print(list(d), sorted(d[1:]), sum(d[1:]))
a, *b = d
print(a, b)
print(d == Deque(["zero", 2, 3]), d != Deque())
print(bool(Deque()), bool(d))
print(min(d[1:]), max(d[1:]), list(enumerate(d)))
print([x for x in d if x != "zero"])
print(dict.fromkeys(d[1:], 0))
print(d.__len__(), Deque.__len__(d))
del d[:]
print(d, len(d), not d)
class NoReversed:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return "abc"[i]
print(list(reversed(NoReversed())), list(NoReversed()))
class ReversedNone:
    __reversed__ = None
    def __len__(self):
        return 1
    def __getitem__(self, i):
        return i
try:
    reversed(ReversedNone())
except TypeError as e:
    print(type(e).__name__, e)

class WithContains:
    def __contains__(self, x):
        print("  __contains__", x)
        return x % 2 == 0
class WithIter:
    def __iter__(self):
        print("  __iter__")
        return iter([1, 2, 3])
class WithGetitem:
    def __getitem__(self, i):
        print("  __getitem__", i)
        if i >= 4:
            raise IndexError(i)
        return i * 10
class ContainsReturnsObj:
    def __contains__(self, x):
        return [x]
class ContainsReturnsEmpty:
    def __contains__(self, x):
        return ""
print(4 in WithContains(), 3 in WithContains(), 3 not in WithContains())
print(2 in WithIter(), 9 in WithIter())
print(20 in WithGetitem())
print(25 in WithGetitem())
print(5 in ContainsReturnsObj(), 5 in ContainsReturnsEmpty(), 5 not in ContainsReturnsObj())
class Nothing:
    pass
try:
    1 in Nothing()
except TypeError as e:
    print(type(e).__name__, e)
class IterNone:
    __iter__ = None
    def __getitem__(self, i):
        return i
try:
    1 in IterNone()
except TypeError as e:
    print(type(e).__name__, e)
class ContainsNone:
    __contains__ = None
    def __iter__(self):
        return iter([1])
try:
    1 in ContainsNone()
except TypeError as e:
    print(type(e).__name__, e)
class Range:
    def __init__(self, lo, hi):
        self.lo, self.hi = lo, hi
    def __contains__(self, x):
        return self.lo <= x < self.hi
    def __iter__(self):
        return iter(range(self.lo, self.hi))
r = Range(3, 7)
print(5 in r, 7 in r, list(r), [x for x in r if x in Range(4, 6)])
print(sum(r), max(r), sorted(r, reverse=True), tuple(r))
a, b, *rest = r
print(a, b, rest)
print(dict(zip(r, "abcd")), list(enumerate(r, 1)))
print(list(map(lambda v: v * v, r)), set(r) == {3, 4, 5, 6})
print("".join(str(x) for x in r), [*r, *r])
class Raiser:
    def __contains__(self, x):
        raise KeyError(x)
try:
    1 in Raiser()
except KeyError as e:
    print(type(e).__name__, e)

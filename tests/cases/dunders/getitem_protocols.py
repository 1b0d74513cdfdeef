class Seq:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
    def __getitem__(self, idx):
        if isinstance(idx, slice):
            return ("slice", idx.start, idx.stop, idx.step, idx.indices(self.n))
        if isinstance(idx, tuple):
            return ("tuple", idx)
        if idx is ...:
            return ("ellipsis",)
        if idx < 0:
            idx += self.n
        if not 0 <= idx < self.n:
            raise IndexError("Seq index out of range")
        return idx * idx
s = Seq(5)
print(s[0], s[4], s[-1], s[-5])
print(s[1:3], s[::2], s[:], s[::-1])
print(s[1, 2], s[1:2, ::3], s[...])
print(list(s), len(s), 9 in s, 10 in s)
print(list(reversed(s)))
for i in (5, -6):
    try:
        s[i]
    except IndexError as e:
        print(type(e).__name__, e)
sl = slice(1, 10, 2)
print(sl, sl.start, sl.stop, sl.step, repr(slice(None)), slice(3))
print(s[sl], s[slice(None, None, -1)])
class Mapping:
    def __init__(self):
        self.d = {"a": 1}
    def __getitem__(self, k):
        return self.d[k]
m = Mapping()
print(m["a"])
try:
    m["zz"]
except KeyError as e:
    print(type(e).__name__, e)
try:
    list(m)
except KeyError as e:
    print("iteration tries index 0:", type(e).__name__, e)
class OldIter:
    def __getitem__(self, i):
        if i > 3:
            raise IndexError
        return chr(97 + i)
print(list(OldIter()), "".join(OldIter()), sorted(OldIter(), reverse=True))
it = iter(OldIter())
print(next(it), next(it), list(it))
class StopsWithStopIteration:
    def __getitem__(self, i):
        if i == 2:
            raise StopIteration
        return i
print(list(StopsWithStopIteration()))
class ClassGetitem:
    def __class_getitem__(cls, item):
        return "generic " + cls.__name__ + "[" + getattr(item, "__name__", repr(item)) + "]"
print(ClassGetitem[int], ClassGetitem["x"])
try:
    Seq[0]
except TypeError as e:
    print(type(e).__name__, e)
class NoLen:
    def __getitem__(self, i):
        return i
try:
    len(NoLen())
except TypeError as e:
    print(type(e).__name__, e)
try:
    reversed(NoLen())
except TypeError as e:
    print(type(e).__name__, e)
print(NoLen()[10], NoLen()["k"], NoLen()[1:2])

# enumerate, zip, map, filter, reversed and the sequence iterators.
print(list(enumerate("abc")), list(enumerate("ab", 10)), list(enumerate("ab", -1)), list(enumerate([], 5)))
print(list(enumerate("ab", 10**20)), list(enumerate("ab", True)), list(enumerate("ab", 2**47 - 1)))
print(list(enumerate(iterable="xy", start=3)), list(enumerate(start=1, iterable="z")), list(enumerate("q", start=7)))
e = enumerate("ab")
print(next(e), next(e), next(e, "done"), iter(e) is e)
print(list(zip()), list(zip("ab")), list(zip("abc", range(2))), list(zip([1, 2], "xy", (True, False))))
print(list(zip("ab", "cd", strict=True)), list(zip(strict=True)), list(zip([1], strict=False)))
print(list(map(str, [1, 2])), list(map(lambda a, b: a + b, [1, 2, 3], [10, 20])), list(map(pow, [2, 3], [3, 2], [5, 5])))
print(list(filter(None, [0, 1, "", "a", [], [0], None])), list(filter(lambda x: x % 2, range(7))), list(filter(bool, [0, 2])))
print(list(reversed([1, 2, 3])), list(reversed((1, 2))), list(reversed("abc")), list(reversed(range(4))), list(reversed([])))
class Seq:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * 100
print(list(reversed(Seq())), list(Seq()), list(iter(Seq())))
class Rev:
    def __reversed__(self):
        return iter("zyx")
print(list(reversed(Rev())))
class Lst(list):
    pass
print(list(reversed(Lst([1, 2, 3]))))
print(type(iter([])).__name__, type(iter(())).__name__, type(reversed([])).__name__, type(reversed(())).__name__)
print(type(enumerate([])).__name__, type(zip()).__name__, type(map(len, [])).__name__, type(filter(None, [])).__name__)
it = iter([1, 2, 3])
print(it.__next__(), it.__length_hint__(), list(it.__iter__()))
try:
    it.__next__()
except StopIteration as ex:
    print("StopIteration", repr(ex))
print(reversed([1, 2]).__length_hint__(), iter((1, 2)).__length_hint__())
calls = []
def stop_early(x):
    calls.append(x)
    if x == 3:
        raise StopIteration
    return x * 2
print(list(map(stop_early, [1, 2, 3, 4])), calls)
print(list(filter(lambda x: next(iter([])), [1, 2])))
m = map(lambda x: x, [1])
print(next(m), next(m, "end"))
z = zip([1, 2], [3])
print(next(z), next(z, None), next(z, None))

def check(label, f):
    try:
        print(label, "->", f())
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)

check("enum no args", lambda: enumerate())
check("enum float start", lambda: enumerate([], 1.5))
check("enum str start", lambda: enumerate([], start="a"))
check("enum bad kw", lambda: enumerate([], foo=1))
check("enum 3 args", lambda: enumerate([], 1, 2))
check("enum pos+kw", lambda: enumerate([], 1, start=2))
check("enum start only", lambda: enumerate(start=2))
check("enum dup", lambda: enumerate([], iterable=[]))
check("enum int", lambda: enumerate(1))
check("enum order", lambda: enumerate(1, 1.5))
check("zip int", lambda: zip(1))
check("zip second", lambda: zip([1], 2))
check("zip bad kw", lambda: zip([], foo=1))
check("zip 2 kw", lambda: zip([], strict=True, foo=1))
check("zip short 2", lambda: list(zip([1, 2], [1], strict=True)))
check("zip long 2", lambda: list(zip([1], [1, 2], strict=True)))
check("zip long 2 of 3", lambda: list(zip([1], [1, 2], [1, 2], strict=True)))
check("zip short 2 of 3", lambda: list(zip([1, 2], [1], [1], strict=True)))
check("zip short 3", lambda: list(zip([1, 2], [1, 2], [1], strict=True)))
check("zip long 3", lambda: list(zip([1], [1], [1, 2], strict=True)))
check("map one arg", lambda: map(len))
check("map none", lambda: map())
check("map kw", lambda: map(len, [], x=1))
check("map not iterable", lambda: map(len, 1))
check("map none func", lambda: list(map(None, [1])))
check("filter 1 arg", lambda: filter(None))
check("filter 3 args", lambda: filter(None, [1], 2))
check("filter kw", lambda: filter(None, [1], x=1))
check("filter int", lambda: filter(None, 1))
check("reversed int", lambda: reversed(1))
check("reversed set", lambda: reversed({1}))
check("reversed none", lambda: reversed())
check("reversed two", lambda: reversed([], []))
check("reversed kw", lambda: reversed(x=1))
check("next on list", lambda: next([1]))
check("next arg", lambda: iter([]).__next__(1))
check("iter arg", lambda: iter([]).__iter__(1))

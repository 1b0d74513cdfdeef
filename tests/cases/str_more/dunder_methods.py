# The slots as methods: "abc".__len__(), str.__eq__, iterator __next__, with CPython's wrapper errors.
print("abc".__len__(), "abc".__contains__("b"), "abc".__getitem__(-1), "ab".__add__("c"), "ab".__mul__(2), "ab".__rmul__(3))
print("%s!".__mod__("x"), "x".__rmod__("%s?"), "a".__rmod__(1), "a".__eq__(1), "a".__lt__("b"), "a".__ge__("b"), "a".__ne__("a"))
print("x".__hash__() == hash("x"), "é".__repr__(), "é".__str__(), "abc"[1:].__len__(), str.__len__("four"), str.upper("x"))
it = "aé".__iter__()
print(it.__next__(), next(it), it.__iter__() is it)
try:
    it.__next__()
except StopIteration as e:
    print("StopIteration", e.args)
bit = b"hi".__iter__()
print(bit.__next__(), list(bit), b"ab".__len__(), b"ab".__getitem__(0), b"ab".__add__(b"c"), b"ab".__mul__(2), b"a".__bytes__())
print(b"%d".__mod__(5), b"a".__rmod__(1), b"a".__eq__("a"), b"a".__lt__(b"b"), b"ab".__contains__(97), b"ab".__hash__() == hash(b"ab"))
for bad in [lambda: "a".__len__(1), lambda: "a".__getitem__(), lambda: "a".__getitem__(1, 2), lambda: "a".__add__(1),
            lambda: "a".__mul__("b"), lambda: "a".__mul__(2.5), lambda: "a".__contains__(1), lambda: "a".__mod__(1),
            lambda: "a".__eq__(x=1), lambda: "a".__add__(), lambda: b"a".__add__("x"), lambda: b"a".__mul__("x"),
            lambda: b"a".__mod__(1), lambda: "a".__hash__(1)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
print(sorted(["b", "C", "a"], key=str.lower), list(map(str.strip, [" a ", "b "])), list(map(str.__len__, ["", "ab"])))

# Methods with several iterable arguments, and argument errors.
s = set([1, 2, 3])
print(s.union([4], (5,), range(6, 8), "a"), s.intersection(range(10), [2, 3, 99], {3: 0}))
print(s.difference([1], set([2]), {}), s.difference(), s.intersection(), s.union())
t = set(s)
t.update([10], range(3), {"k": 1})
print(t)
t.intersection_update(range(20), [0, 1, 2, 10, 30])
print(t)
t.difference_update([0], (1,))
print(t)
t.difference_update()
t.update()
t.intersection_update()
print(t)
calls = [
    lambda: s.add(), lambda: s.add(1, 2), lambda: s.remove(), lambda: s.discard(1, 2),
    lambda: s.pop(1), lambda: s.clear(1), lambda: s.copy(1), lambda: s.isdisjoint(),
    lambda: s.issubset(), lambda: s.issuperset(1, 2), lambda: s.symmetric_difference(),
    lambda: s.symmetric_difference([1], [2]), lambda: s.symmetric_difference_update(),
    lambda: s.__contains__(), lambda: set(1, 2), lambda: frozenset(1, 2), lambda: set(x=1),
    lambda: frozenset(x=1), lambda: s.union(x=1), lambda: s.update(x=1), lambda: s.add(x=1),
    lambda: frozenset().union(1), lambda: s.issubset(1), lambda: set(5), lambda: s.update([1], 5),
    lambda: s.add([]), lambda: s.discard([]), lambda: [] in s, lambda: s.remove({}),
]
for i, f in enumerate(calls):
    try:
        print(i, f())
    except TypeError as e:
        print(i, "TypeError", e)

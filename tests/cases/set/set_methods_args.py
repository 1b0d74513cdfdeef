s = {1, 2, 3}
print(s.union(), s.union([4], (5,), range(6, 8)), s.intersection(range(10), [2, 3, 99]), s.difference(), s.difference([1], {2}))
print(s.issubset([1, 2, 3, 4]), s.issuperset(range(1, 3)), s.isdisjoint("abc"), s.symmetric_difference(range(2, 5)))
t = set("hello")
t.update("world", ["!"])
print(sorted(t))
t.intersection_update("lo!", "o!")
print(sorted(t))
t.difference_update("!")
print(t)
try:
    s.symmetric_difference([1], [2])
except TypeError as e:
    print("TypeError", e)
try:
    s.issubset(5)
except TypeError as e:
    print("TypeError", e)
print(set.union({1}, {2}), frozenset.union(frozenset({1}), [2]), type(frozenset({1}).union([2])).__name__)
print({1, 2} == frozenset([1, 2]), {1} < frozenset({1, 2}), frozenset() < {1})

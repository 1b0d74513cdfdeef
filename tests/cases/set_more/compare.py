# ==, != and the subset/superset comparisons; NotImplemented for non-sets.
a = set([1, 2, 3])
f = frozenset([1, 2, 3])
print(a == f, f == a, a != f, a == set([3, 2, 1]), a == set([1, 2]), a == [1, 2, 3], a != (1, 2, 3))
print(a < set([1, 2, 3, 4]), a < a, a <= a, a > set([1]), a > a, a >= a, set() < a, set() <= set())
print(f < a, f <= a, f >= set(), frozenset() < f, set([1, 5]) < a, set([1, 5]) > a)
print(set([1, 2]) <= set([2, 3]), set([1, 2]) >= set([2]), frozenset([1]) == set([1.0]))
print(a.issubset([1, 2, 3, 4]), a.issubset("abc"), a.issuperset(range(1, 3)), a.issuperset([4]))
print(a.isdisjoint([4, 5]), a.isdisjoint([3]), set().isdisjoint([]), a.isdisjoint(a), set().isdisjoint(set()))
print(f.issubset(a), f.issuperset(a), f.isdisjoint(frozenset([9])))
for op in [lambda: a < [1], lambda: a <= (1,), lambda: a > "x", lambda: a >= None, lambda: [1] < a]:
    try:
        print(op())
    except TypeError as e:
        print("TypeError", e)
print(set([frozenset([1])]) == set([frozenset([1])]), {1: 2}.keys() == set([1]), set([1]) == {1: 2}.keys())

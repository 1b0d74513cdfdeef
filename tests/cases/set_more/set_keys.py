# A set used as the key of `in`, remove and discard is looked up as a
# frozenset (CPython); add and issuperset do not convert.
s = set([frozenset([1, 2]), frozenset(), 3])
print(set([1, 2]) in s, set() in s, set([9]) in s, s.__contains__(set([2, 1])))
s.remove(set([1, 2]))
print(s)
s.discard(set())
print(s)
try:
    s.remove(set([7]))
except KeyError as e:
    print("KeyError", e)
for f in [lambda: s.add(set()), lambda: s.issuperset([set()]), lambda: s.isdisjoint([set()]),
          lambda: s.difference_update([set()]), lambda: {1: 2}[set()]]:
    try:
        print(f())
    except TypeError as e:
        print("TypeError", e)
print(frozenset([1]) in set([frozenset([1])]), set([frozenset([1])]) == set([frozenset([1.0])]))

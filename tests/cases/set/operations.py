a = {1, 2, 3, 4}
b = {3, 4, 5, 6}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union(b, [7]), a.intersection(b, {4}), a.difference(b, {1}), a.symmetric_difference([4, 9]))
print(a <= b, {1, 2} <= a, {1, 2} < a, a < a, a <= a, a >= {1}, a > {1, 2, 3, 4}, a == {4, 3, 2, 1})
print(a.issubset(range(10)), a.issuperset([1, 2]), a.isdisjoint({9}), a.isdisjoint(b))
c = set(a)
c |= {10}; print(c)
c &= {1, 2, 10, 11}; print(c)
c -= {1}; print(c)
c ^= {2, 3}; print(c)
c.intersection_update([3, 10]); print(c)
c.difference_update({3}); print(c)
c.symmetric_difference_update({10, 11}); print(c)
try:
    print(a | [1])
except TypeError as e:
    print("TypeError", e)
try:
    print(a + b)
except TypeError as e:
    print("TypeError", e)

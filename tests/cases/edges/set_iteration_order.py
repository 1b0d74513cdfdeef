print({3, 1, 2}, {10, 20, 30, 40}, {8, 16, 24, 32, 7}, {-1, -2, -3}, {2**33, 2**34, 3}, {1000, 2000, 3000, 1, 2, 3})
s = set()
for x in [50, 40, 30, 20, 10, 0, -10]:
    s.add(x)
    print(list(s))
s2 = set(range(30))
for x in range(0, 30, 2):
    s2.remove(x)
s2.update([100, 64, 33])
print(s2)
print(set([31, 63, 95, 127, 159]), {7, 15, 23, 31}, {x * 8 for x in range(10)})
print({"a", "b", "c"}, {"apple", "kiwi"}, set("abcdef"), {("a", 1), ("b", 2)})
print(frozenset({5, 3, 9}), frozenset("xyz"), {1.5, 2.5, 3.5, 0.25})
print({x for x in range(100) if x % 9 == 0}, set(range(50, 0, -7)))

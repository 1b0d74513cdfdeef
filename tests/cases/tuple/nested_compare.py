pairs = [((1, 2), (1, 2)), ((1, 2), (1, 3)), ((2,), (1, 5)), ((), ()), ((1, (2, 3)), (1, (2, 4))), (("a", 1), ("a", 1.0))]
for a, b in pairs:
    print(a, b, a == b, a < b, a <= b, a > b, a >= b, a != b)
print(sorted([(2, "b"), (1, "z"), (2, "a"), (1, "a")]))
print(max([(1, "a"), (1, "b")]), min([(0, 5), (0, -5)]))
print((float("nan"),) == (float("nan"),))
n = float("nan")
print((n,) == (n,), [n] == [n], (n, 1) < (n, 2))

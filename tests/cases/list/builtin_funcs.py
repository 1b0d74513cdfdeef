a = [4, 2, 9, 1, 7]
print(len(a), sum(a), min(a), max(a), sorted(a), list(reversed(a)), a)
print(any(x > 8 for x in a), all(x > 0 for x in a), any([]), all([]))
print(list(enumerate(a)), list(enumerate(a, 1)), list(zip(a, a[1:])))
print(list(map(lambda x: x * x, a)), list(filter(lambda x: x % 2, a)), list(filter(None, [0, 1, "", "a", None])))
print(a.index(max(a)), a[::-1].index(1), [i for i, x in enumerate(a) if x > 3])
print(list(range(5)), list("abc"), list((1, 2)), list({1: 2, 3: 4}), list({"x": 1}.items()))
print(list(), list([]), list(x for x in []), [*a], [*a, *a][:6])

print(sum([]), sum([1, 2, 3]), sum([1.5, 2.5]), sum(range(10), start=100), sum([[1], [2, 3]], start=[]), sum([0.1] * 10), sum([True, True]))
print(sum([1, 2.5, True]), sum(x for x in ()), sum([10**20, 1]), sum([], 0.0))
for bad in [(["a", "b"],), (["a"], ""), ([1, "a"],), (5,)]:
    try:
        print(sum(*bad))
    except TypeError as e:
        print("TypeError", e)
print(any([]), all([]), any([0, "", None]), any([0, 1]), all([1, "x", [0]]), all([1, 0]), any("abc"), all(""))
print(any(x > 2 for x in [1, 2, 3]), all(isinstance(x, int) for x in [1, True, 2]), any({0: 1}), all({1: 0}))
try:
    any(5)
except TypeError as e:
    print("TypeError", e)

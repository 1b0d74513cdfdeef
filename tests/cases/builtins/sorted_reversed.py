data = [5, 2, 9, 1, 5, 6]
print(sorted(data), sorted(data, reverse=True), sorted(data, key=lambda x: -x), sorted(data, key=lambda x: x % 3, reverse=True))
print(sorted("hello"), sorted({"b": 1, "a": 2}), sorted((3, 1)), sorted({3, 1, 2}), sorted([]), sorted(["b", "A", "a", "B"]))
print(sorted([("b", 2), ("a", 2), ("c", 1)], key=lambda t: t[1]), sorted([[3], [1, 2], [1]]))
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed((1,))), list(reversed(range(5))), list(reversed({"a": 1, "b": 2})))
r = reversed([1, 2, 3])
print(next(r), list(r))
try:
    reversed({1, 2})
except TypeError as e:
    print("TypeError", e)
try:
    reversed(5)
except TypeError as e:
    print("TypeError", e)
try:
    sorted([1, "a"])
except TypeError as e:
    print("TypeError", e)
try:
    sorted([1], key=5)
except TypeError as e:
    print("TypeError", e)
try:
    sorted(5)
except TypeError as e:
    print("TypeError", e)

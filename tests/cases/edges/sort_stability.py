data = [("b", 2), ("a", 2), ("c", 1), ("a", 1), ("b", 1), ("c", 2)]
print(sorted(data, key=lambda t: t[1]))
print(sorted(data, key=lambda t: t[0]))
print(sorted(sorted(data, key=lambda t: t[0]), key=lambda t: t[1]))
print(sorted(data, key=lambda t: t[1], reverse=True))
lst = list(data)
lst.sort(key=lambda t: t[0], reverse=True)
print(lst)
words = ["bb", "a", "ccc", "dd", "e", "fff", "g"]
print(sorted(words, key=len), sorted(words, key=len, reverse=True))
nums = [3, -3, 2, -2, 1, -1, 0]
print(sorted(nums, key=abs), sorted(nums, key=abs, reverse=True), sorted(nums, key=lambda n: n * n))
flags = [True, False, True, False]
print(sorted(list(zip(flags, range(4))), key=lambda p: p[0]))
print(sorted([1.0, 1, True], key=lambda x: 0), sorted([True, 1, 1.0]), sorted([1, True, 1.0], reverse=True))

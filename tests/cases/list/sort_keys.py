people = [("alice", 30, 5.5), ("bob", 25, 6.1), ("carol", 35, 5.2), ("dave", 25, 5.9), ("eve", 30, 5.5)]
print(sorted(people))
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: (p[1], p[0])))
print(sorted(people, key=lambda p: (-p[1], p[2])))
print(sorted(people, key=lambda p: p[2], reverse=True))
words = ["banana", "Apple", "cherry", "apple", "fig", "Date", "elderberry", "date"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len), sorted(words, key=lambda w: (len(w), w)))
print(sorted(words, key=len, reverse=True))
stable = sorted([(1, "b"), (0, "a"), (1, "a"), (0, "b"), (1, "c")], key=lambda t: t[0])
print(stable)
print(sorted(stable, key=lambda t: t[0], reverse=True))
nums = [5, -3, 2, -8, 0, 7, -1]
print(sorted(nums, key=abs), sorted(nums, key=abs, reverse=True), sorted(nums, key=lambda n: n % 3))
lst = [3, 1, 2]
print(lst.sort(key=lambda x: -x), lst)
print(sorted([[2, 1], [1, 2], [1], [], [2]]), sorted([(1, "a"), (1,), ()]))
print(sorted("Mississippi"), sorted({3: 'a', 1: 'b'}), sorted({5, 1, 3}, reverse=True))

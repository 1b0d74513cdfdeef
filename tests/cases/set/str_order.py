s = {"apple", "banana", "cherry", "date", "elderberry", "fig", "grape"}
print(s)
print(list({"x", "y", "z"}), {"a"}, set("hello world"))
print(sorted(s), len(s), "fig" in s)
words = "to be or not to be that is the question".split()
print(set(words))
print({w: len(w) for w in set(words)})
print(frozenset(["b", "a", "c"]))

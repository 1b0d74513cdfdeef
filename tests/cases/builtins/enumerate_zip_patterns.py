names = ["ann", "bob", "cy"]
scores = [88, 92, 75]
for rank, (name, score) in enumerate(sorted(zip(names, scores), key=lambda p: -p[1]), start=1):
    print(f"#{rank} {name:<4} {score}")
print(dict(zip(names, scores)), list(zip(*zip(names, scores))))
pairs = list(zip(names, names[1:]))
print(pairs, list(zip(range(3), "abc", [True, False, None])))
for i, ch in enumerate("hey", 1):
    print(i, ch, end="; ")
print()
transposed = list(map(list, zip(*[[1, 2, 3], [4, 5, 6]])))
print(transposed)

n = 4
table = [[(r, c) for c in range(r, n)] for r in range(n)]
print(table)
print({r: [c for c in range(n) if (r + c) % 2] for r in range(n)})
print([[x for x in row if x % 2] for row in [[1, 2, 3], [4, 5], [6]]])
print(sum(sum(1 for c in range(r)) for r in range(n)))
print([(lambda k: k * n)(i) for i in range(3)])
def f(items):
    factor = 10
    return [[v * factor for v in sub] for sub in items]
print(f([[1], [2, 3]]))
names = ["ann", "bob"]
print({name: {c: name.count(c) for c in name} for name in names})

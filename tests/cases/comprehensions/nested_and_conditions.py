grid = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([row[::-1] for row in grid[::-1]], [[grid[j][i] for j in range(3)] for i in range(3)])
print([v for row in grid for v in row if v % 2 == 0], [sum(row) for row in grid], sum(sum(r) for r in grid))
pyth = [(a, b, c) for c in range(1, 30) for b in range(1, c) for a in range(1, b) if a * a + b * b == c * c]
print(pyth)
print([(i, j) for i in range(4) if i % 2 for j in range(4) if j > i])
words = ["level", "noon", "krait", "civic", "abc"]
print([w for w in words if w == w[::-1]], [w.upper() if len(w) > 4 else w for w in words])
print({w: sum(1 for c in w if c in "aeiou") for w in words})

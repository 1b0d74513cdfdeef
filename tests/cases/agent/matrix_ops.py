def matmul(a, b):
    if len(a[0]) != len(b):
        raise ValueError(f"shape mismatch: {len(a)}x{len(a[0])} @ {len(b)}x{len(b[0])}")
    return [[sum(a[i][k] * b[k][j] for k in range(len(b))) for j in range(len(b[0]))] for i in range(len(a))]
def transpose(m):
    return [list(r) for r in zip(*m)]
def identity(n):
    return [[1 if i == j else 0 for j in range(n)] for i in range(n)]
def det(m):
    if len(m) == 1:
        return m[0][0]
    if len(m) == 2:
        return m[0][0] * m[1][1] - m[0][1] * m[1][0]
    return sum((-1) ** c * m[0][c] * det([row[:c] + row[c + 1:] for row in m[1:]]) for c in range(len(m)))
def show(name, m):
    print(name)
    for row in m:
        print("  " + " ".join(f"{x:>6}" for x in row))
A = [[1, 2, 3], [4, 5, 6]]
B = [[7, 8], [9, 10], [11, 12]]
show("A", A)
show("A^T", transpose(A))
show("A@B", matmul(A, B))
show("B@A", matmul(B, A))
show("I3", identity(3))
print(matmul(A, identity(3)) == A)
M = [[2, -3, 1], [2, 0, -1], [1, 4, 5]]
print("det", det(M), det(identity(4)), det([[1, 2], [2, 4]]))
try:
    matmul(A, A)
except ValueError as e:
    print("ValueError:", e)
def mat_pow(m, n):
    r = identity(len(m))
    while n:
        if n & 1:
            r = matmul(r, m)
        m = matmul(m, m)
        n >>= 1
    return r
print("fib via matrix:", mat_pow([[1, 1], [1, 0]], 90)[0][1])
F = [[0.5, 0.25], [0.125, 1.5]]
show("F@F", matmul(F, F))

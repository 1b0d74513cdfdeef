class MatrixError(ValueError):
    pass
class Matrix:
    def __init__(self, rows):
        rows = [list(r) for r in rows]
        if not rows or any(len(r) != len(rows[0]) for r in rows):
            raise MatrixError("rows must be non-empty and equal length")
        self.rows = rows
    @classmethod
    def identity(cls, n):
        return cls([[1 if i == j else 0 for j in range(n)] for i in range(n)])
    @classmethod
    def zeros(cls, r, c):
        return cls([[0] * c for _ in range(r)])
    @property
    def shape(self):
        return len(self.rows), len(self.rows[0])
    def __getitem__(self, ij):
        i, j = ij
        return self.rows[i][j]
    def __setitem__(self, ij, v):
        i, j = ij
        self.rows[i][j] = v
    def __eq__(self, other):
        return isinstance(other, Matrix) and self.rows == other.rows
    __hash__ = None
    def __add__(self, other):
        if isinstance(other, (int, float)):
            return Matrix([[x + other for x in r] for r in self.rows])
        if self.shape != other.shape:
            raise MatrixError(f"shape mismatch {self.shape} vs {other.shape}")
        return Matrix([[a + b for a, b in zip(r1, r2)] for r1, r2 in zip(self.rows, other.rows)])
    __radd__ = __add__
    def __neg__(self):
        return self * -1
    def __sub__(self, other):
        return self + (-other)
    def __mul__(self, k):
        if not isinstance(k, (int, float)):
            return NotImplemented
        return Matrix([[x * k for x in r] for r in self.rows])
    __rmul__ = __mul__
    def __matmul__(self, other):
        (n, m), (m2, p) = self.shape, other.shape
        if m != m2:
            raise MatrixError(f"cannot multiply {self.shape} by {other.shape}")
        return Matrix([[sum(self.rows[i][k] * other.rows[k][j] for k in range(m)) for j in range(p)] for i in range(n)])
    def __pow__(self, n):
        result = Matrix.identity(self.shape[0])
        base = self
        while n:
            if n & 1:
                result = result @ base
            base = base @ base
            n >>= 1
        return result
    @property
    def T(self):
        return Matrix(zip(*self.rows))
    def det(self):
        n, m = self.shape
        if n != m:
            raise MatrixError("determinant needs a square matrix")
        if n == 1:
            return self.rows[0][0]
        if n == 2:
            (a, b), (c, d) = self.rows
            return a * d - b * c
        return sum((-1) ** j * self.rows[0][j] * Matrix([r[:j] + r[j + 1:] for r in self.rows[1:]]).det() for j in range(n))
    def __iter__(self):
        return (x for r in self.rows for x in r)
    def __repr__(self):
        w = max(len(str(x)) for x in self)
        return "\n".join("[" + " ".join(str(x).rjust(w) for x in r) + "]" for r in self.rows)
A = Matrix([[1, 2], [3, 4]])
B = Matrix([[0, 1], [1, 0]])
print(A + B, A - B, 2 * A, A * 3, A @ B, B @ A, sep="\n--\n")
print(A.shape, A[1, 0], A.det(), A.T, sep="\n")
F = Matrix([[1, 1], [1, 0]])
print((F ** 30)[0, 1], F ** 0 == Matrix.identity(2))
M3 = Matrix([[2, 0, 1], [1, 3, 2], [1, 1, 1]])
print(M3.det(), sum(M3), max(M3), (M3 @ Matrix.identity(3)) == M3, 1 + Matrix.zeros(2, 3))
for bad in (lambda: A + Matrix.zeros(3, 3), lambda: A @ Matrix.zeros(3, 1), lambda: Matrix([[1], [1, 2]]),
            lambda: Matrix([[1, 2, 3]]).det(), lambda: A * "x", lambda: {A}):
    try:
        bad()
    except (MatrixError, TypeError) as e:
        print(type(e).__name__, e)
m = Matrix.zeros(2, 2)
m[0, 1] = 5
print(m, m == Matrix([[0, 5], [0, 0]]), m != A)

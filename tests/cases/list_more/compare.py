# Lexicographic comparisons, all six operators.
pairs = [([], []), ([1], []), ([1, 2], [1, 2]), ([1, 2], [1, 3]), ([1, 2, 3], [1, 2]), ([2], [1, 9, 9]),
         ([1, [2, 3]], [1, [2, 4]]), (["a", "b"], ["a", "c"]), ([1.5], [1]), ([True], [1]), ([None], [None])]
for a, b in pairs:
    print(a, b, a < b, a <= b, a == b, a != b, a > b, a >= b)
print([float("nan")] == [float("nan")], [1, 2] == [1.0, 2.0])
x = []
print(x == x, [x] == [x], [x] < [[1]])
class Ordered:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        return self.v == other.v
    def __lt__(self, other):
        return "lt-result"
print([Ordered(1)] < [Ordered(2)], [Ordered(1)] == [Ordered(1)], [Ordered(1), 1] < [Ordered(1), 2])
print([1, 2] == (1, 2), [1] != (1,))

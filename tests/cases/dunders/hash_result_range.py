# __hash__ results: a value that fits 64 bits is the hash itself (-1 becomes
# -2), a bigger one is reduced like hash(int). Objects hashing by a tuple
# of their fields then sit in sets in CPython's order.
class H:
    def __init__(self, v):
        self.v = v

    def __hash__(self):
        return self.v


for v in [2**61, 2**62, -2**62, 2**63 - 1, -2**63, 2**63, 2**64 + 5, -1, -2**63 - 1, 2**47, 2**48, True]:
    print(v, hash(H(v)))


class P:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __hash__(self):
        return hash((self.x, self.y))

    def __eq__(self, other):
        return (self.x, self.y) == (other.x, other.y)

    def __repr__(self):
        return f"P({self.x}, {self.y})"


points = {P(i % 7, i // 7) for i in range(20)}
print(list(points))
print(hash(P(1, 2)) == hash((1, 2)), P(3, 1) in points)


class K:
    def __hash__(self):
        return hash("m")

    def __eq__(self, other):
        print("eq called with", other)
        return False


print("m" in {K(): 1})

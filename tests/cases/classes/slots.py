class P:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def norm1(self):
        return abs(self.x) + abs(self.y)

p = P(3, -4)
print(p.x, p.y, p.norm1())
p.x = 10
print(p.x, p.norm1())
print(P.__slots__)
class Q(P):
    __slots__ = ["z"]
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z
q = Q(1, 2, 3)
print(q.x, q.y, q.z, q.norm1())
class Single:
    __slots__ = "value"
    def __init__(self):
        self.value = "one"
print(Single().value)
class Many:
    __slots__ = ()
    def hello(self):
        return "hi"
print(Many().hello())
items = [P(i, -i) for i in range(5)]
print([it.norm1() for it in items])
print(isinstance(q, P), type(q).__name__)

TRACE = True
class Ver:
    def __init__(self, s):
        self.parts = tuple(int(p) for p in s.split("."))
    def __repr__(self):
        return "Ver(%s)" % ".".join(map(str, self.parts))
    def __lt__(self, other):
        if TRACE:
            print("  lt", self, other)
        if not isinstance(other, Ver):
            return NotImplemented
        return self.parts < other.parts
    def __le__(self, other):
        return self.parts <= other.parts
    def __eq__(self, other):
        return isinstance(other, Ver) and self.parts == other.parts
    def __hash__(self):
        return hash(self.parts)

a, b = Ver("1.2"), Ver("1.10")
print(a < b)
print(a > b)
print(b <= a, a <= a)
print(a >= b)
vs = [Ver("2.0"), Ver("1.0.1"), Ver("1.0"), Ver("10")]
TRACE = False
print(sorted(vs))
print(sorted(vs, reverse=True))
TRACE = True
print(max(vs), min(vs))
try:
    a < 3
except TypeError as e:
    print(type(e).__name__, e)
try:
    3 > a
except TypeError as e:
    print(type(e).__name__, e)
try:
    a >= "x"
except TypeError as e:
    print(type(e).__name__, e)
class Rev:
    def __init__(self, v):
        self.v = v
    def __gt__(self, other):
        print("  Rev.__gt__", self.v)
        return self.v > other
print(5 < Rev(7))
print(Rev(7) > 5)
print(10 < Rev(7))
class Loose:
    def __lt__(self, other):
        return "yes"
print(Loose() < 1)
if Loose() < 1:
    print("truthy string result")
print(Loose() < 1 < 2)
try:
    0 < 1 < Loose()
except TypeError as e:
    print(type(e).__name__, e)
TRACE = False
print(sorted([Ver("3"), Ver("1"), Ver("2")], key=lambda v: v) == [Ver("1"), Ver("2"), Ver("3")])

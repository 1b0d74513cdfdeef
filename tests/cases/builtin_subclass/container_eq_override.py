class Loose(list):
    def __eq__(self, other):
        return sorted(self) == sorted(other)
    __hash__ = None
a = Loose([3, 1, 2])
print(a == [1, 2, 3], [1, 2, 3] == a, a != [1, 2, 3], a in [[1, 2, 3]], [1, 2, 3] in [a])
print([a].index([2, 3, 1]), [[1, 2, 3]].count(a))
class Approx(float):
    def __eq__(self, o):
        return abs(self - o) < 1e-6
    __hash__ = float.__hash__
x = Approx(0.1 + 0.2)
print(x == 0.3, 0.3 == x, 0.1 + 0.2 == 0.3, [x] == [0.3], (0.3,) == (x,))
print(x in [0.3], 0.3 in [x], {0.3: 1}.get(x, "no (hash differs)"))
class AnyStr(str):
    def __eq__(self, o):
        return True
    __hash__ = str.__hash__
s = AnyStr("wild")
print(s == "x", "x" == s, ["a", "b"].index(s) if False else [1, "b"].count(s), s in ("p", "q"))

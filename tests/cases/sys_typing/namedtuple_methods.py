from typing import NamedTuple
class P(NamedTuple):
    x: int
    y: int = 2
    LIMIT = 10
    def total(self): return self.x + self.y
    @property
    def double(self): return P(self.x * 2, self.y * 2)
    @classmethod
    def origin(cls): return cls(0, 0)
    @staticmethod
    def helper(a): return a + 1
p = P(1)
print(p.total(), p.double, P.origin(), P.helper(4), p.helper(5), P.LIMIT, p.LIMIT, type(p) is P, type(p).__name__)
print(P.total(p), type(p)(5, 6))

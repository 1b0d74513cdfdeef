from typing import NamedTuple
class P(NamedTuple):
    x: int
    y: int
    def __repr__(self): return f"<P {self.x},{self.y}>"
class Q(NamedTuple):
    a: int
    def __str__(self): return f"Q with {self.a}"
p, q = P(1, 2), Q(3)
print(p, repr(p), str(p), f"{p}", [p])
print(q, repr(q), f"{q}", [q], "%s" % (q,))
class Plain(NamedTuple):
    v: int
print(Plain(1), str(Plain(2)))

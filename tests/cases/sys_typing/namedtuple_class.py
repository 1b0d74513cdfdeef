from typing import NamedTuple, Optional
class P(NamedTuple):
    """A point."""
    x: int
    y: int = 0
    def __eq__(self, other): return isinstance(other, P) and self.x == other.x
    def __hash__(self): return hash(self.x)
    def __lt__(self, other): return self.x > other.x
    def __add__(self, o): return P(self.x + o.x, self.y + o.y)
    def norm(self): return abs(self.x) + abs(self.y)
print(P.__mro__, P.__bases__, P.__doc__, P.__name__, P.__qualname__, P.__module__)
p = P(1, 2)
print(p, p == P(1, 5), sorted([P(1), P(3), P(2)]), p + P(10, 20), p.norm())
print({P(1, 2): 'a'}[P(1, 9)], tuple(p), list(p), p[0], p[-1], p[:1], P._fields, P._field_defaults)
print(P.__annotations__, P.__match_args__, p._asdict(), p._replace(y=7), P._make([4, 5]), p.__getnewargs__())
print(isinstance(p, tuple), isinstance(p, P), issubclass(P, tuple), type(p) is P, type(p).__name__)
print(P.x.__doc__, P.y.__doc__, type(P.x).__name__)
x, y = p
print(x, y)
for bad in [lambda: P(), lambda: P(1, 2, 3), lambda: P(1, z=2), lambda: P(1, x=2), lambda: P._make([1]),
            lambda: p._replace(z=1, w=2)]:
    try: bad()
    except (TypeError, ValueError) as e: print(type(e).__name__, e)
try: p.x = 5
except AttributeError as e: print("AttributeError", e)
try: p.z = 5
except AttributeError as e: print("AttributeError", e)
class Q(P):
    def norm(self): return 0
    @property
    def tag(self): return f"Q{self.x}"
q = Q(3, 4)
print(q, q.norm(), q.tag, Q.__mro__, q._replace(x=1), type(q._replace(x=1)).__name__, Q._make((1, 2)))
q.extra = 1
print(q.extra, q.__dict__)
class E(NamedTuple):
    pass
print(E(), E._fields, repr(E()))
class R(NamedTuple):
    a: int
    b: Optional[str] = None
    c: list = []
print(R(1), R(1, "s", [1]))
def f():
    class Local(NamedTuple):
        v: int
    return Local
L = f()
print(L(1), L.__qualname__)
match P(1, 2):
    case P(x=1, y=yy): print("matched", yy)
match P(5, 6):
    case P(a, b): print("pos", a, b)
try:
    class Bad(NamedTuple):
        x: int
        def _asdict(self): return {}
except AttributeError as e: print("AttributeError", e)
try:
    class Bad2(NamedTuple):
        x: int = 1
        y: int
except TypeError as e: print("TypeError", e)
try:
    class Bad3(NamedTuple):
        _x: int
except ValueError as e: print("ValueError", e)
V = NamedTuple('V', [('a', int), ('b', str)])
print(V(1, 'x'), V.__annotations__, V._fields, V.__mro__)
W = NamedTuple('W', a=int)
print(W(a=3), W.__module__)
print(P(1,2) < P(2,1), p.count(1), p.index(2), hash(p) == hash(1))
print([n for n in dir(p) if not n.startswith("__")])
try:
    class Bad4(NamedTuple):
        a: int = 1
        b: int = 2
        c: int
except TypeError as e: print("TypeError", e)

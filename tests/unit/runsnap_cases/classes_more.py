class A:
    def who(self): return "A"
class B(A):
    def who(self): return "B>" + super().who()
class C(A):
    def who(self): return "C>" + super().who()
class D(B, C):
    def who(self): return "D>" + super().who()
class Vec:
    __slots__ = ("x", "y")
    def __init__(self, x, y): self.x, self.y = x, y
    def __add__(self, o): return Vec(self.x + o.x, self.y + o.y)
    def __len__(self): return 2
    def __repr__(self): return f"Vec({self.x}, {self.y})"
    def __eq__(self, o): return (self.x, self.y) == (o.x, o.y)
    def __hash__(self): return hash((self.x, self.y))
def factory(tag):
    class Local:
        kind = tag
        def __init__(self, n): self.n = n
        def __repr__(self): return f"Local({self.kind}, {self.n})"
    return Local
L = factory("t")
objs = [L(i) for i in range(3)]
A.extra = lambda self: "patched"
class Other: pass
o = Other()
o.__class__ = C
class Err(OSError): pass
try:
    raise Err(2, "gone", "file.txt")
except Err as e:
    err = e
vs = {Vec(1, 2): "a", Vec(3, 4): "b"}
mro = [k.__name__ for k in D.__mro__]
v = fetch(3)
print(v, D().who(), mro, Vec(1, 2) + Vec(3, 4), len(Vec(0, 0)), vs[Vec(3, 4)], objs, L.kind)
print(A().extra(), o.who(), err.errno, err.strerror, err.filename, type(err).__mro__[1].__name__)
class Late(D): pass
print(Late().who(), isinstance(Late(), A), issubclass(Late, C))
class Free(Vec):
    pass
class Vec3(Vec):
    __slots__ = ("z", "__w")
    def setw(self, w): self.__w = w
fr = Free(5, 6)
fr.note = "n"
v3 = Vec3(1, 2)
v3.z = fetch(4)
v3.setw(7)
desc = Vec.x
print(fr, fr.__dict__, v3, v3.z, v3._Vec3__w, desc, desc.__get__(fr), hasattr(Vec3(0, 0), "z"))
from typing import NamedTuple
class Pt(NamedTuple):
    x: int
    y: int = 0
    def norm(self): return abs(self.x) + abs(self.y)
class Pt3(Pt):
    def __repr__(self): return "Pt3" + super().__repr__()
V2 = NamedTuple("V2", [("a", int), ("b", str)])
pts = [Pt(1, 2), Pt3(3), V2(fetch(5), "s")]
make, asdict = Pt._make, pts[0]._asdict
print(pts, pts[0].norm(), make([fetch(6), 7]), asdict(), Pt.x, pts[1]._replace(y=fetch(1)), type(pts[2]).__mro__)
from typing import TypedDict
class Movie(TypedDict):
    title: str
class Rated(Movie, total=False):
    stars: int
m = Rated(title="x", stars=fetch(2))
print(m, Rated.__required_keys__, Rated.__optional_keys__, Rated.__annotations__, Movie)

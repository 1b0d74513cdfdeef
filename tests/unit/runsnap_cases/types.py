import sys
class Base:
    cls_attr = 5
    def __init__(self, v): self.v = v
    def __repr__(self): return f"Base({self.v!r})"
    @property
    def double(self): return self.v * 2
    @classmethod
    def make(cls, v): return cls(v)
    @staticmethod
    def st(x): return x + 1
class Child(Base):
    def __init__(self, v, w):
        super().__init__(v)
        self.w = w
    def __eq__(self, o): return isinstance(o, Child) and o.v == self.v
    def __hash__(self): return hash(self.v)
class MyList(list):
    pass
class MyDict(dict):
    def __missing__(self, k): return k * 2
class MyInt(int): pass
class MyStr(str): pass
class MyFloat(float): pass
class MyErr(ValueError):
    def __init__(self, m, code): super().__init__(m); self.code = code
ba = bytearray(b"abc"); ba.append(100)
c = 3 + 4j
ml = MyList([1, 2, 3]); ml.x = 1
md = MyDict(a=1)
mi, ms, mf = MyInt(7), MyStr("hé"), MyFloat(2.5)
s = {1, 2, 3, "x", (1, 2)}; s.discard(2)
fs = frozenset({Child(1, 2), Child(3, 4)})
d = {i: str(i) for i in range(10)}
del d[3]; del d[5]; d[11] = "eleven"
it = iter([10, 20, 30]); next(it)
dit = iter(d.items()); next(dit)
sit = iter(s)
rit = iter(range(0, 100, 7)); next(rit)
big_rit = iter(range(10**20, 10**20 + 5))
en = enumerate("abc", start=10**25); next(en)
z = zip([1, 2, 3], "xyz"); next(z)
m = map(lambda x: x * 3, [1, 2, 3]); next(m)
f = filter(None, [0, 1, 0, 2])
rev = reversed([1, 2, 3]); next(rev)
stri = iter("héllo"); next(stri)
bi = iter(b"xyz"); next(bi)
sl = slice(1, None, 2)
rg = range(5, 50, 5)
bm = [1, 2].append
bound = Base(3).make
cm = Base.make
mp = Base.__dict__
keys = d.keys()
cell_fn = (lambda y: (lambda: y))(42)
nested = [[1, [2, [3]]], {"k": (4, 5)}]
nested.append(nested)
try:
    raise MyErr("bad", 7)
except MyErr as e:
    err = e
try:
    {}["missing"]
except KeyError as e:
    kerr = e
big = 2 ** 100
neg = -(2 ** 70)
nan = float("nan")
inf = float("-inf")
ids = (id(ml), id(s))
x = fetch(1)
print(x, ba, c, ml, ml.x, md["q"], md, mi + 1, ms.upper(), mf * 2, sorted(map(str, s)), len(fs))
print(d, next(it), next(dit), sorted(map(str, sit)), next(rit), next(big_rit), next(en), next(z), next(m), list(f), next(rev))
print(next(stri), next(bi), [0, 1, 2, 3, 4][sl], rg[2], list(rg), bm(9), bound(4), cm(5), mp["cls_attr"], list(keys))
print(cell_fn(), nested[0], nested[2] is nested, err, err.code, repr(kerr), big, neg, nan != nan, inf)
print(Base(2).double, Child(1, 5) in fs, Base.st(1), ids == (id(ml), id(s)), sys.version_info[:2])

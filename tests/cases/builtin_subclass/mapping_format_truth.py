class M:
    def keys(self): return ["a", "b"]
    def __getitem__(self, k): return k.upper()
def f(**kw): return kw
print(f(**M()), f(x=1, **M()), {**M()}, dict(M()))
try:
    f(**[1])
except TypeError as e: print(e)
try:
    f(a=1, **M())
except TypeError as e: print(e)
class K:
    def keys(self): return [1]
    def __getitem__(self, k): return k
try:
    f(**K())
except TypeError as e: print(e)
class S(str):
    def __str__(self): return "SS"
print(format(S("a"), ""), f"{S('a')}", f"{S('a'):>3}", format(True, ""), f"{True}", "{}".format(S("q")))
class I(int):
    def __str__(self): return "II"
    def __repr__(self): return "IR"
print(f"{I(3)}", format(I(3)), f"{I(3):d}", "{}".format(I(4)), str(I(5)), repr(I(5)))
print(bool(""), bool("a"), bool(b""), bool({}), bool({1:2}), bool(set()), bool(frozenset([1])))
class D(dict):
    def __len__(self): return 0
print(bool(D(a=1)))

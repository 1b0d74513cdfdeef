class Rec:
    kind = "rec"
    def __init__(self, **fields):
        for k, v in fields.items():
            setattr(self, k, v)
    def public(self):
        return [n for n in dir(self) if not n.startswith("_")]

r = Rec(b=2, a=1, c=3)
print(r.__dict__)
print(r.public())
print(vars(r) is r.__dict__)
r.__dict__.update(d=4)
print(r.d, sorted(vars(r)))
r.__dict__.clear()
print(r.__dict__, r.kind)
print(hasattr(r, "a"))
try:
    r.a
except AttributeError as e:
    print(type(e).__name__, e)
try:
    del r.kind
except AttributeError as e:
    print(type(e).__name__, e)
try:
    delattr(r, "nothing")
except AttributeError as e:
    print(type(e).__name__, e)
try:
    getattr(r, 5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    setattr(r, 5, 1)
except TypeError as e:
    print(type(e).__name__, e)
print(getattr(r, "nothing", None), getattr(Rec, "kind"))
setattr(r, "with space", 1)
print(getattr(r, "with space"), r.__dict__)
r2 = Rec()
r2.__dict__ = {"x": 1, "y": 2}
print(r2.x, r2.y, vars(r2))
try:
    r2.__dict__ = [1]
except TypeError as e:
    print(type(e).__name__, e)
class Nums:
    pass
n = Nums()
for i in range(5):
    setattr(n, "f%d" % i, i * i)
print(vars(n))
print([getattr(n, "f%d" % i) for i in range(5)])
print(sum(v for k, v in vars(n).items() if k != "f0"))
print("kind" in vars(Rec), "public" in vars(Rec))
try:
    vars(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    Rec.__dict__["new"] = 1
except TypeError as e:
    print(type(e).__name__, e)
Rec.new = "via setattr"
print(Rec.__dict__["new"], r.new)
del Rec.new
print(hasattr(r, "new"))

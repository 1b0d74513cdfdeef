class Pair:
    def __enter__(self):
        return (1, [2, 3])
    def __exit__(self, *a):
        return False
with Pair() as (a, (b, c)):
    print(a, b, c)
with Pair() as (first, *rest):
    print(first, rest)
class Obj:
    pass
o = Obj()
with Pair() as o.attr:
    print(o.attr)
d = {}
with Pair() as d["key"]:
    pass
print(d)
lst = [None, None]
with Pair() as lst[1]:
    pass
print(lst)
with Pair() as (o.x, d["y"]):
    pass
print(o.x, d["y"])
class Value:
    def __init__(self, v):
        self.v = v
    def __enter__(self):
        return self.v
    def __exit__(self, *a):
        pass
with Value("shadow") as Value_name:
    pass
print(Value_name)
x = "before"
with Value("after") as x:
    pass
print(x)
def scope():
    with Value(5) as local_v:
        pass
    return local_v * 2
print(scope())
try:
    with Value(3) as (p, q):
        pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    with Value((1, 2, 3)) as (p, q):
        pass
except ValueError as e:
    print(type(e).__name__, e)

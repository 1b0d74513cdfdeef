class Point:
    dims = 2
    origin_name = "O"

    def __init__(self, x, y):
        self.x = x
        self.y = y

p = Point(3, 4)
q = Point(-1, 7)
print(p.x, p.y, q.x, q.y)
print(p.dims, q.dims, Point.dims)
print(Point.origin_name, p.origin_name)
print(sorted(p.__dict__.items()))
print(list(q.__dict__))
p.dims = 3
print(p.dims, q.dims, Point.dims)
print("dims" in p.__dict__, "dims" in q.__dict__)
del p.dims
print(p.dims, "dims" in p.__dict__)
Point.dims = 5
print(p.dims, q.dims)
p.z = 10
print(p.z, hasattr(p, "z"), hasattr(q, "z"))
print(getattr(q, "z", "missing"))
setattr(q, "z", 99)
print(q.z, q.__dict__)
delattr(q, "z")
print(q.__dict__)
print(vars(p))
p.__dict__["w"] = "direct"
print(p.w)
print(type(p.__dict__).__name__, type(Point.__dict__).__name__)
print("dims" in Point.__dict__, "x" in Point.__dict__, "__init__" in Point.__dict__)
print(Point.__dict__["origin_name"])
class Empty:
    pass
e = Empty()
print(e.__dict__, type(e).__name__)
e.a = 1; e.b = 2
print(e.__dict__)
print(Empty.__name__, Empty.__doc__)

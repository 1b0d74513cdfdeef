class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
class Point3(Point):
    __match_args__ = ("x", "y", "z")
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z
class Circle:
    __match_args__ = ("center", "radius")
    def __init__(self, center, radius):
        self.center, self.radius = center, radius
class NoArgs:
    def __init__(self):
        self.kind = "noargs"
def where(obj):
    match obj:
        case Point3(0, 0, 0):
            return "3d origin"
        case Point3(x, y, z=zz) if zz > 0:
            return "3d above plane %r %r %r" % (x, y, zz)
        case Point(0, 0):
            return "origin"
        case Point(x=0, y=yy):
            return "on y axis %r" % yy
        case Point(xx, 0):
            return "on x axis %r" % xx
        case Point():
            return "some point %r,%r" % (obj.x, obj.y)
        case Circle(Point(0, 0), r):
            return "circle at origin r=%r" % r
        case Circle(center=Point(x=cx), radius=r) if r > 10:
            return "big circle x=%r" % cx
        case Circle():
            return "other circle"
        case NoArgs(kind=k):
            return "NoArgs kind " + k
        case _:
            return "unknown"
for o in [Point(0, 0), Point(0, 5), Point(3, 0), Point(1, 1), Point3(0, 0, 0), Point3(1, 2, 3),
          Point3(1, 2, -3), Circle(Point(0, 0), 2), Circle(Point(4, 4), 20), Circle(Point(4, 4), 1), NoArgs(), 7]:
    print(type(o).__name__, "->", where(o))
def missing_attr(o):
    match o:
        case Point(x=1, q=2):
            return "has q"
        case Point(x=1):
            return "x is 1, no q attribute -> first case just fails"
print(missing_attr(Point(1, 2)))
class Prop:
    __match_args__ = ("double",)
    def __init__(self, v):
        self.v = v
    @property
    def double(self):
        print("  property evaluated")
        return self.v * 2
match Prop(4):
    case Prop(8):
        print("matched through property")
def isinstance_only(o):
    match o:
        case int():
            return "int()"
        case str():
            return "str()"
        case list() | tuple():
            return "list() or tuple()"
        case object():
            return "object()"
print([isinstance_only(v) for v in (1, True, "s", [1], (), None, 2.5)])

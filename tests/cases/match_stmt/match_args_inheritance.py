class Shape:
    __match_args__ = ("name",)
    def __init__(self, name):
        self.name = name
class Rect(Shape):
    __match_args__ = Shape.__match_args__ + ("w", "h")
    def __init__(self, w, h):
        super().__init__("rect")
        self.w, self.h = w, h
class Square(Rect):
    def __init__(self, s):
        super().__init__(s, s)
        self.name = "square"
class Blob(Shape):
    __match_args__ = ()
def area(s):
    match s:
        case Square(_, side, _):
            return ("square", side * side)
        case Rect(_, w, h):
            return ("rect", w * h)
        case Blob():
            return ("blob", None)
        case Shape(name):
            return ("generic " + name, 0)
for s in (Rect(2, 3), Square(4), Blob("b"), Shape("tri")):
    print(type(s).__name__, area(s), type(s).__match_args__)
try:
    match Blob("x"):
        case Blob(n):
            pass
except TypeError as e:
    print(type(e).__name__, e)
class Dynamic:
    pass
d = Dynamic()
d.a, d.b = 1, 2
Dynamic.__match_args__ = ("b", "a")
match d:
    case Dynamic(x, y):
        print("match args set after class creation:", x, y)

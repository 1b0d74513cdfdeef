class Circle:
    def __init__(self, r):
        self.r = r
    def area(self):
        return 3 * self.r * self.r
    def __repr__(self):
        return "Circle(%s)" % self.r
class Square:
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s * self.s
    def __repr__(self):
        return "Square(%s)" % self.s

factories = {"circle": Circle, "square": Square}
specs = [("circle", 1), ("square", 3), ("circle", 2), ("square", 1)]
shapes = [factories[k](v) for k, v in specs]
print(shapes)
print([s.area() for s in shapes])
print(sorted(shapes, key=lambda s: s.area()))
print(max(shapes, key=Circle.area if False else (lambda s: s.area())))
print(callable(Circle), callable(shapes[0]), callable(Circle.area))
classes = [Circle, Square, int, str]
print([c.__name__ for c in classes])
print([c(2) if c in (Circle, Square) else c("7") for c in classes])
areas = list(map(Square.area, [Square(2), Square(5)]))
print(areas)
def build(cls, *args):
    return cls(*args)
print(build(Circle, 10), build(list, "ab"), build(dict, a=1) if False else build(dict))
by_type = {}
for s in shapes:
    by_type.setdefault(type(s), []).append(s)
print({k.__name__: v for k, v in by_type.items()})
print(type(shapes[0]) in (Circle,), Circle in by_type)
kinds = {Circle: "round", Square: "boxy"}
print([kinds[type(s)] for s in shapes])
method = Circle.area
print(method(Circle(4)))
bound = Circle(5).area
print(bound(), bound.__self__)
print(getattr(Square(6), "area")())

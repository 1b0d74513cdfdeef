class Model:
    name: str
    age: int = 0
    tags: list = []
    ratio: "float" = 1.5

print(Model.__annotations__)
print(Model.age, Model.ratio)
print(hasattr(Model, "name"), "name" in Model.__dict__)
try:
    Model.name
except AttributeError as e:
    print(type(e).__name__, e)
m = Model()
m.name = "x"
print(m.name, m.age)
class Child(Model):
    extra: bool = True
print(Child.__annotations__)
print(Child.age)
class NoAnn:
    x = 1
print(hasattr(NoAnn, "__annotations__") and NoAnn.__annotations__ == {} or "no annotations" )
def f(a: int, b: "str" = "d", *args: float, c: bool, **kw: dict) -> None:
    pass
print(f.__annotations__)
def g(x, y):
    pass
print(g.__annotations__)
class Ev:
    order = []
    def note(x, order=order):
        order.append(x)
        return x
    a: note(int) = note(1)
    b: note(str)
print(Ev.order)
x: int = 5
y: "later"
print(__annotations__)
print(x)
try:
    y
except NameError as e:
    print(type(e).__name__, e)

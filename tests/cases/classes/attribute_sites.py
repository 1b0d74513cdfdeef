# The same attribute instruction meeting many objects and classes, while
# classes and instances change under it: shadowing, properties and
# __getattribute__/__setattr__ added later, __dict__ replaced, del,
# __class__ assignment, several classes at one site.
class P:
    kind = "class attr"

    def __init__(self, x, y):
        self.x = x
        self.y = y


class Q:
    def __init__(self, y, x):
        self.y = y  # other insertion order than P
        self.x = x


def get_x(o):
    return o.x


def set_x(o, v):
    o.x = v


objs = [P(1, 2), Q(3, 4), P(5, 6), Q(7, 8)]
for _ in range(3):
    print([get_x(o) for o in objs])
for i, o in enumerate(objs):
    set_x(o, i * 10)
print([get_x(o) for o in objs])


def get_kind(o):
    return o.kind


p = P(0, 0)
print(get_kind(p), get_kind(p))
p.kind = "instance attr"
print(get_kind(p), get_kind(P(0, 0)))
del p.kind
print(get_kind(p))

# a data descriptor added to the class wins over the instance dict
print(get_x(p))
P.x = property(lambda self: "property x", lambda self, v: print("setter got", v))
print(get_x(p), p.__dict__["x"])
set_x(p, 99)
print(p.__dict__["x"])
del P.x
print(get_x(p))

# __getattribute__ and __setattr__ added after the sites were used
P.__getattribute__ = lambda self, name: "intercepted " + name
print(get_x(p))
del P.__getattribute__
print(get_x(p))
P.__setattr__ = lambda self, name, v: print("setattr", name, v)
set_x(p, 5)
del P.__setattr__
set_x(p, 6)
print(get_x(p))

# __dict__ replaced, attribute deleted, __class__ changed
p.__dict__ = {"y": 1, "x": "from the new dict"}
print(get_x(p))
del p.x
try:
    get_x(p)
except AttributeError as e:
    print("AttributeError:", e)
p.x = "again"
print(get_x(p))
p.__class__ = Q
print(type(p).__name__, get_x(p))


# slots and a dict subclass key
class S:
    __slots__ = ("x",)


s = S()
s.x = "slot"
print(get_x(s))
set_x(s, "slot 2")
print(get_x(s))


class K(str):
    pass


q = Q(0, 0)
q.__dict__.clear()
q.__dict__[K("x")] = "str subclass key"
print(get_x(q))

# many objects, a collection in between
made = [P(i, -i) for i in range(2000)]
junk = [[j] * 50 for j in range(20000)]
del junk
print(sum(get_x(o) for o in made), sum(o.y for o in made))

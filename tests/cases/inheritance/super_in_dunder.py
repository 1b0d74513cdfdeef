class Base:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return "Base(%r)" % (self.v,)
    def __eq__(self, other):
        print("Base.__eq__")
        return isinstance(other, Base) and self.v == other.v
    __hash__ = None
    def __add__(self, other):
        return type(self)(self.v + other.v)

class Tagged(Base):
    def __init__(self, v, tag):
        super().__init__(v)
        self.tag = tag
    def __repr__(self):
        return "Tagged[" + super().__repr__() + ", " + self.tag + "]"
    def __eq__(self, other):
        print("Tagged.__eq__")
        return super().__eq__(other) and getattr(other, "tag", None) == self.tag
    def __add__(self, other):
        r = super().__add__(other) if False else Base.__add__(Base(self.v), other)
        return Tagged(r.v, self.tag)

class Audited:
    def __init__(self):
        super().__setattr__("log", [])
    def __setattr__(self, name, value):
        self.log.append(name)
        super().__setattr__(name, value)
    def __getattribute__(self, name):
        if name == "secret":
            return "hidden"
        return super().__getattribute__(name)

t = Tagged(1, "a")
print(repr(t), t)
print(t == Tagged(1, "a"))
print(t == Tagged(1, "b"))
print(t == Base(1))
print(t + Base(5))
a = Audited()
a.x = 1
a.y = 2
a.secret = "real"
print(a.log, a.x, a.secret, a.__dict__["secret"])

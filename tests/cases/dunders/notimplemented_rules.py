log = []
class A:
    def __init__(self, name):
        self.name = name
    def __eq__(self, o):
        log.append(self.name + ".__eq__")
        return NotImplemented
    def __lt__(self, o):
        log.append(self.name + ".__lt__")
        return NotImplemented
    def __gt__(self, o):
        log.append(self.name + ".__gt__")
        return NotImplemented
    def __le__(self, o):
        log.append(self.name + ".__le__")
        return NotImplemented
    def __ge__(self, o):
        log.append(self.name + ".__ge__")
        return NotImplemented
    def __add__(self, o):
        log.append(self.name + ".__add__")
        return NotImplemented
    def __radd__(self, o):
        log.append(self.name + ".__radd__")
        return NotImplemented
    __hash__ = object.__hash__

def check(label, f):
    log.clear()
    try:
        r = f()
    except TypeError as e:
        r = "TypeError: " + str(e)
    print(label, "->", r, log)

x, y = A("x"), A("y")
check("x == y", lambda: x == y)
check("x == x", lambda: x == x)
check("x != y", lambda: x != y)
check("x < y", lambda: x < y)
check("x > y", lambda: x > y)
check("x <= y", lambda: x <= y)
check("x >= 1", lambda: x >= 1)
check("1 < x", lambda: 1 < x)
check("x + y", lambda: x + y)
check("x + 1", lambda: x + 1)
check("1 + x", lambda: 1 + x)
check("x in [y]", lambda: x in [y])
check("x in [x]", lambda: x in [x])
check("[x] == [y]", lambda: [x] == [y])
check("(x,) < (y,)", lambda: (x,) < (y,))
check("max(x, y)", lambda: max(x, y).name)
print(bool(NotImplemented) if False else type(NotImplemented).__name__, repr(NotImplemented))
class Weird:
    def __eq__(self, o):
        return NotImplemented
    def __add__(self, o):
        return NotImplemented
w = Weird()
print(w == w, w != w, w == 1, 1 == w, w != 1)
try:
    w + w
except TypeError as e:
    print(type(e).__name__, e)
class ReturnsNI:
    def method(self):
        return NotImplemented
print(ReturnsNI().method() is NotImplemented)
class Num:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        if isinstance(o, Num):
            return self.v == o.v
        if isinstance(o, int):
            return self.v == o
        return NotImplemented
    def __hash__(self):
        return hash(self.v)
print(Num(1) == 1, 1 == Num(1), Num(1) == "1", "1" == Num(1), Num(2) != 2, 3 != Num(2))
print({Num(1): "a"}.get(1), {1: "b"}.get(Num(1)), 1 in {Num(1)}, Num(1) in [1])

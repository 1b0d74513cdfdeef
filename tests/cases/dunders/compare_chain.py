calls = []
class T:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        calls.append("%s<%s" % (self.v, o.v))
        return self.v < o.v
    def __eq__(self, o):
        calls.append("%s==%s" % (self.v, o.v))
        return self.v == o.v
    __hash__ = None
def get(v):
    calls.append("get%s" % v)
    return T(v)
print(get(1) < get(2) < get(3), calls)
calls.clear()
print(get(3) < get(2) < get(1), calls)
calls.clear()
print(get(1) == get(1) < get(0), calls)
calls.clear()
print(get(1) < get(2) == get(2) < get(5), calls)
class Token:
    def __init__(self, s):
        self.s = s
    def __lt__(self, o):
        return self.s + "<" + o.s
    def __gt__(self, o):
        return ""
print(Token("a") < Token("b"))
print(Token("a") < Token("b") < Token("c"))
print(Token("a") > Token("b") < Token("c"))
print(Token("x") < Token("y") and "after")
class Bool:
    def __init__(self, b):
        self.b = b
    def __bool__(self):
        calls.append("bool(%s)" % self.b)
        return self.b
    def __repr__(self):
        return "Bool(%s)" % self.b
class Cmp:
    def __lt__(self, o):
        return Bool(o)
calls.clear()
r = Cmp() < False < True
print(r, calls)
calls.clear()
r = Cmp() < True
print(type(r).__name__, r.b, calls)
print(not (Cmp() < False), calls)
print(1 < 2 > 0 != 5 == 5 >= 5 <= 6 is not calls, 1 < 2 > 3)
x = [1]
print(x is x is x, x is x is not x, 1 in x in [x])

class Acc:
    def __init__(self, items=()):
        self.items = list(items)
    def __iadd__(self, other):
        print("  __iadd__", other)
        if isinstance(other, (list, Acc)):
            self.items.extend(other.items if isinstance(other, Acc) else other)
            return self
        return NotImplemented
    def __add__(self, other):
        print("  __add__", other)
        if isinstance(other, int):
            return Acc(self.items + [other])
        return NotImplemented
    def __isub__(self, other):
        self.items.remove(other)
        return self
    def __imul__(self, n):
        self.items *= n
        return None
    def __repr__(self):
        return "Acc(%r)" % self.items
a = Acc([1])
alias = a
a += [2, 3]
print(a, a is alias)
a += 4
print(a, a is alias, alias)
a = alias
a -= 2
print(a)
a *= 2
print(a)
b = Acc([9])
try:
    b += "str"
except TypeError as e:
    print(type(e).__name__, e)
class OnlyAdd:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        return OnlyAdd(self.v + o)
x = OnlyAdd(1)
y = x
x += 5
print(x.v, y.v, x is y)
for op in ("-=", "*=", "/=", "//=", "%=", "**=", "@=", "&=", "|=", "^=", "<<=", ">>="):
    z = OnlyAdd(0)
    try:
        if op == "-=":
            z -= 1
        elif op == "*=":
            z *= 1
        elif op == "/=":
            z /= 1
        elif op == "//=":
            z //= 1
        elif op == "%=":
            z %= 1
        elif op == "**=":
            z **= 1
        elif op == "@=":
            z @= 1
        elif op == "&=":
            z &= 1
        elif op == "|=":
            z |= 1
        elif op == "^=":
            z ^= 1
        elif op == "<<=":
            z <<= 1
        else:
            z >>= 1
    except TypeError as e:
        print(type(e).__name__, e)
class Holder:
    def __init__(self):
        self.acc = Acc()
        self.n = 0
h = Holder()
h.acc += [1]
h.n += 1
h.n += 1
print(h.acc, h.n)
t = (Acc([1]),)
try:
    t[0] += [2]
except TypeError as e:
    print(type(e).__name__, e)
print(t)
lst = [1]
tl = (lst,)
try:
    tl[0] += [2]
except TypeError as e:
    print(type(e).__name__, e)
print(tl)
class All:
    def __init__(self):
        self.log = []
    def _r(name):
        def f(self, o):
            self.log.append(name)
            return self
        return f
    __ior__ = _r("ior"); __iand__ = _r("iand"); __ixor__ = _r("ixor")
    __ilshift__ = _r("ilshift"); __irshift__ = _r("irshift")
    __ifloordiv__ = _r("ifloordiv"); __itruediv__ = _r("itruediv"); __imod__ = _r("imod")
    __ipow__ = _r("ipow"); __imatmul__ = _r("imatmul")
q = All()
q |= 1; q &= 1; q ^= 1; q <<= 1; q >>= 1; q //= 1; q /= 1; q %= 1; q **= 1; q @= 1
print(q.log)
class RAdd:
    def __radd__(self, o):
        return "radd used for +="
n = 5
n += RAdd()
print(n)

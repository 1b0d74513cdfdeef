class Both:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return "Both(%r)" % (self.v,)
    def __str__(self):
        return "both:%s" % (self.v,)
b = Both("x")
print(b)
print(str(b), repr(b))
print([b], (b,), {"k": b}, {b.v: [b]})
print(f"{b} {b!r} {b!s} {b!a}")
print("%s %r" % (b, b))
print("{} {!r} {}".format(b, b, [b]))
print(str([Both(1), Both("é")]))
print(ascii(Both("é")), repr(Both("é")))
class BadStr:
    def __str__(self):
        return 42
    def __repr__(self):
        return "BadStr()"
class BadRepr:
    def __repr__(self):
        return None
for f in (str, repr, print, lambda o: f"{o}", lambda o: "%s" % (o,), lambda o: [o].__repr__()):
    for o in (BadStr(), BadRepr()):
        try:
            r = f(o)
            print("ok", r)
        except TypeError as e:
            print(type(e).__name__, e)
class StrSub(str):
    pass
class ReturnsStrSub:
    def __repr__(self):
        return StrSub("sub-repr")
r = repr(ReturnsStrSub())
print(r, type(r).__name__)
class Nested:
    def __init__(self, children):
        self.children = children
    def __repr__(self):
        return "N" + repr(self.children)
print(Nested([Nested([]), Nested([Nested([1, "a"])])]))
class Raising:
    def __repr__(self):
        raise ValueError("repr exploded")
try:
    print([1, Raising()])
except ValueError as e:
    print(type(e).__name__, e)
class StrOnlyRepr:
    def __repr__(self):
        return "<SO>"
print(str(StrOnlyRepr()), "%s" % StrOnlyRepr(), format(StrOnlyRepr()), "{:}".format(StrOnlyRepr()))

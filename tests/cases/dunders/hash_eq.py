class Key:
    def __init__(self, name):
        self.name = name
    def __eq__(self, other):
        return isinstance(other, Key) and self.name.lower() == other.name.lower()
    def __hash__(self):
        return hash(self.name.lower())
    def __repr__(self):
        return "Key(%r)" % self.name
d = {Key("Alpha"): 1}
d[Key("ALPHA")] = 2
d[Key("beta")] = 3
print(d, len(d))
print(Key("alpha") in d, Key("gamma") in d, d[Key("BETA")])
s = {Key("x"), Key("X"), Key("y")}
print(len(s))
class EqOnly:
    def __eq__(self, other):
        return True
print(EqOnly.__hash__)
try:
    hash(EqOnly())
except TypeError as e:
    print(type(e).__name__, e)
try:
    {EqOnly(): 1}
except TypeError as e:
    print(type(e).__name__, e)
try:
    {EqOnly()}
except TypeError as e:
    print(type(e).__name__, e)
class ExplicitNone:
    __hash__ = None
try:
    hash(ExplicitNone())
except TypeError as e:
    print(type(e).__name__, e)
class HashMinusOne:
    def __hash__(self):
        return -1
print(hash(HashMinusOne()))
class HashBig:
    def __hash__(self):
        return 2 ** 100
print(hash(HashBig()) == hash(2 ** 100), hash(HashBig()))
class HashBool:
    def __hash__(self):
        return True
print(hash(HashBool()))
class HashStr:
    def __hash__(self):
        return "nope"
try:
    hash(HashStr())
except TypeError as e:
    print(type(e).__name__, e)
class HashFloat:
    def __hash__(self):
        return 1.5
try:
    hash(HashFloat())
except TypeError as e:
    print(type(e).__name__, e)
class Collide:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return 7
    def __eq__(self, other):
        return self.v == other.v
    def __repr__(self):
        return "C%d" % self.v
cs = {Collide(i % 3): i for i in range(9)}
print(cs)
class IntLikeKey:
    def __hash__(self):
        return hash(1)
    def __eq__(self, other):
        return other == 1
m = {1: "int one"}
print(m.get(IntLikeKey()), IntLikeKey() in m, IntLikeKey() in {1.0})

class Plain:
    pass
a, b = Plain(), Plain()
print(a == a, a == b, a != b, a != a, a is a, a is not b)
print(a == 1, 1 == a, a != None)
print([a, b].index(b), [a, b].count(a), a in [b, a], a in [b])
d = {a: "first", b: "second"}
print(d[a], d[b], len(d))
s = {a, b, a}
print(len(s), a in s)
print(bool(a), not a)
print(hash(a) == hash(a))
try:
    a < b
except TypeError as e:
    print(type(e).__name__, e)
try:
    a >= 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    sorted([a, b])
except TypeError as e:
    print(type(e).__name__, e)
try:
    max(a, b)
except TypeError as e:
    print(type(e).__name__, e)
print(str(Plain), repr(Plain))
print(type(a) == type(b), type(a) is Plain)
print(Plain.__eq__(a, a), Plain.__eq__(a, b), Plain.__ne__(a, b))
print(a.__eq__(1), a.__ne__(a), a.__lt__(b))
print(object.__eq__(a, a))
print(f"{Plain.__name__:>8}|{Plain.__name__:<8}|")
print(format(1, ""), str(format(Plain.__name__, "^9")))

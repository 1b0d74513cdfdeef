def kind(x):
    match x:
        case bool(b):
            return "bool %r" % b
        case int(i):
            return "int %r" % i
        case float(f):
            return "float %r" % f
        case str(s) if s:
            return "str %r" % s
        case str():
            return "empty str"
        case bytes(bs):
            return "bytes %r" % bs
        case list([a, *_]):
            return "list starting %r" % a
        case list(l):
            return "empty list %r" % l
        case tuple(t):
            return "tuple len %d" % len(t)
        case dict({"k": v}):
            return "dict with k=%r" % v
        case dict(d):
            return "dict %r" % d
        case set(s) | frozenset(s):
            return "set-like of %d" % len(s)
        case bytearray(ba):
            return "bytearray %r" % ba
        case _:
            return "other " + type(x).__name__
for v in [True, 0, 3.5, "x", "", b"b", [9, 8], [], (1, 2), {"k": 1}, {}, {1}, frozenset(), bytearray(b"z"), None, range(1)]:
    print(repr(v), "->", kind(v))
class MyInt(int):
    pass
match MyInt(5):
    case int(v):
        print("subclass self-match:", v, type(v).__name__)
class MyStr(str):
    pass
match MyStr("s"):
    case str(v) if type(v) is MyStr:
        print("self-match binds subject itself")
try:
    match 5:
        case int(a, b):
            pass
except TypeError as e:
    print(type(e).__name__, e)
match 5:
    case int(real=r, imag=i):
        print("keyword sub-patterns on int:", r, i)

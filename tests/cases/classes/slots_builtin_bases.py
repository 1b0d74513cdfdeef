class E(OSError):
    __slots__ = ('a', 'b')
e = E(2, "gone")
e.a = 1; e.b = [1]
print(e.a, e.b, e.errno, e.strerror, e.__dict__)
class K(KeyError):
    __slots__ = ('k',)
try:
    raise K("x")
except K as ex:
    ex.k = 5
    print(ex.k, repr(ex))
class F(float):
    __slots__ = ('unit',)
f = F(1.5); f.unit = "m"; print(f, f.unit, f + 1)
class C(complex):
    __slots__ = ('t',)
c = C(1, 2); c.t = 1; print(c, c.t)
class S(set):
    __slots__ = ('t',)
s = S([1, 2]); s.t = 9; print(s, s.t)
class BA(bytearray):
    __slots__ = ('t',)
b = BA(b"ab"); b.t = 3; print(b, b.t)

class P:
    __slots__=('y','x','__dict__')
    z=1
print([k for k in P.__dict__ if k != '__dict__'])
print(P.x, type(P.x).__name__, P.x.__name__, P.x.__qualname__, P.x.__objclass__)
p = P(); p.x = 1; p.w = 5; print(p.x, p.__dict__)
try: p.y
except AttributeError as e: print(repr(e), e.name, e.obj is p)
try: del p.y
except AttributeError as e: print(repr(e))
try: P.x.__get__(3)
except TypeError as e: print(e)
try: P.x.__set__(3,4)
except TypeError as e: print(e)
P.x.__set__(p, 9); print(P.x.__get__(p), P.x.__get__(None, P))
P.x.__delete__(p); print(hasattr(p, 'x'))
class Q:
    __slots__='__a'
    def get(self): return self.__a
    def put(self, v): self.__a = v
q = Q(); q.put(4); print(q.get(), list(Q.__dict__))
try:
  class R:
    __slots__=('a',)
    a=3
except ValueError as e: print(e)
class A(int): pass
for sl in [('x',), (1,), ('a b',), ('__dict__','__dict__')]:
    try:
        type('B', (A,) if sl == ('x',) else (), {'__slots__': sl})
    except TypeError as e: print(e)
class S(Exception): __slots__=('a',)
s=S(1); s.a=3; print(s.a, s.__dict__, s.args)
class A1: __slots__=('a',)
class B1: __slots__=('b',)
try:
  class C1(A1,B1): pass
except TypeError as e: print(e)
class D1(A1): __slots__=('d',)
class E1(D1, A1): __slots__ = ()
e = E1(); e.a, e.d = 1, 2; print(e.a, e.d, hasattr(e, '__dict__'))
try: e.z = 1
except AttributeError as ex: print(ex)
class L(list): __slots__ = ('tag',)
l = L([1,2]); l.tag = 't'; print(l, l.tag)
class Dd(dict): __slots__ = ('tag',)
d = Dd(a=1); d.tag = 5; print(d, d.tag)
try: e.__class__ = D1; print(type(e).__name__)
except TypeError as ex: print(ex)
try: e.__class__ = A1
except TypeError as ex: print(ex)
class T(tuple): __slots__ = ()
print(T((1,2)))
class Pt:
    __slots__ = ('x', 'y')
    def __init__(self, x, y): self.x, self.y = x, y
    def __repr__(self): return f"Pt({self.x}, {self.y})"
print(sorted([Pt(3,1), Pt(1,2)], key=lambda p: p.x))
print(vars(Pt).keys())
class Sup(Pt):
    def __init__(self): super().__init__(1, 2); print(super().__repr__())
Sup()

# del x[k] errors worded by CPython's path; a unary dunder's NotImplemented is a value.
objs = [1, 1.5, None, 'abc', (1,2), {1}, frozenset(), b'x', range(3), True, 1j, len, object(), iter([])]
for o in objs:
    for k in [0, 'a', True]:
        try:
            del o[k]
        except TypeError as e: print(type(o).__name__, repr(k), e)
class C: pass
try: del C()[0]
except TypeError as e: print(e)
class S:
    def __getitem__(self, i): return i
try: del S()[0]
except TypeError as e: print(e)
class C:
    def __neg__(self): return NotImplemented
    def __pos__(self): return "pos"
print(-C(), +C())
try: ~C()
except TypeError as e: print(e)
class I(int):
    pass
print(-I(5), ~I(2), +I(3))
class J(int):
    def __neg__(self): return "custom"
print(-J(1), ~J(1))

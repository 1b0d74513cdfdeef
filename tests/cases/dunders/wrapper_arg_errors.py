# The argument errors of built-in dunders called by hand: slot wrappers
# (__eq__, __add__, __neg__, __str__...) say 'expected N arguments' and
# 'wrapper __x__()', methods say 'T.m() takes no arguments'.
def t(s, f):
    try: print(s, f())
    except TypeError as x: print(s, "->", x)
t('(1).__abs__(1)', lambda: (1).__abs__(1))
t('(1).__float__(1)', lambda: (1).__float__(1))
t('(1).__index__(1)', lambda: (1).__index__(1))
t('(1).__int__(1)', lambda: (1).__int__(1))
t('(1).__bool__(1)', lambda: (1).__bool__(1))
t('(1).__trunc__(1)', lambda: (1).__trunc__(1))
t('(1).__getnewargs__(1)', lambda: (1).__getnewargs__(1))
t('(1).__sizeof__(1)', lambda: (1).__sizeof__(1))
t('(1).__pos__(1)', lambda: (1).__pos__(1))
t('(1).conjugate(1)', lambda: (1).conjugate(1))
t('(1).__ceil__(1)', lambda: (1).__ceil__(1))
t('(1.0).__abs__(1)', lambda: (1.0).__abs__(1))
t('(1.0).__int__(1)', lambda: (1.0).__int__(1))
t('(1.0).__trunc__(1)', lambda: (1.0).__trunc__(1))
t('(1.0).__bool__(1)', lambda: (1.0).__bool__(1))
t('(1).__neg__(zz=1)', lambda: (1).__neg__(zz=1))
t('(1.0).__neg__(zz=1)', lambda: (1.0).__neg__(zz=1))
t('(1).bit_length(zz=1)', lambda: (1).bit_length(zz=1))
t('True.__bool__(1)', lambda: True.__bool__(1))
t('(1).__invert__(1)', lambda: (1).__invert__(1))
t('(1.5).hex(1)', lambda: (1.5).hex(1))
t('(1.5).__float__(1)', lambda: (1.5).__float__(1))
def t2(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
for v in (1, 1.5, 2j, [1], (1,), {1: 2}, {1}, frozenset(), range(3), bytearray(b"a"), "s", b"b"):
    t2(lambda: v.__eq__(zz=1)); t2(lambda: v.__lt__()); t2(lambda: v.__str__(1)); t2(lambda: v.__repr__(zz=1))
    t2(lambda: v.__ne__(v, v))
t2(lambda: [1].__add__(zz=1)); t2(lambda: {1}.__or__()); t2(lambda: (1).__neg__(zz=1)); t2(lambda: range(2).__len__(1))
t2(lambda: object().__str__(1)); t2(lambda: object().__hash__(1)); t2(lambda: object().__eq__(1, 2)); t2(lambda: object().__lt__(zz=1))
t2(lambda: object().__ge__(object())); t2(lambda: object().__repr__(1))
class A: pass
t2(lambda: A().__str__(zz=1)); t2(lambda: A().__eq__(A()))

# %-formatting takes what int() takes for %d (__int__ too) and only
# __index__ for %x; bytes() calls __bytes__ first, then __index__ (a
# count); staticmethod and classmethod show what they wrap.
class N:
    def __int__(self): return 6
class I:
    def __index__(self): return 7
class F:
    def __float__(self): return 2.5
class B:
    def __int__(self): return "x"
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
t(lambda: "%d" % N()); t(lambda: "%i" % N()); t(lambda: "%u" % N()); t(lambda: "%x" % N()); t(lambda: "%o" % N()); t(lambda: "%c" % N())
t(lambda: "%d" % I()); t(lambda: "%x" % I()); t(lambda: "%c" % I())
t(lambda: "%d" % F()); t(lambda: "%f" % N()); t(lambda: "%f" % I()); t(lambda: "%f" % F()); t(lambda: "%e" % N())
t(lambda: "%d" % B()); t(lambda: "%d" % 3.9); t(lambda: "%x" % 3.9); t(lambda: "%d" % "s")
t(lambda: b"%d" % N()); t(lambda: b"%d" % I()); t(lambda: b"%x" % N())
class BB:
    def __bytes__(self): return b"xy"
class BI:
    def __index__(self): return 2
class BBad:
    def __bytes__(self): return "no"
t(lambda: bytes(BB())); t(lambda: bytes(BI())); t(lambda: bytes(BBad())); t(lambda: bytearray(BI()))
t(lambda: bytes(BB(), "utf-8")); t(lambda: bytes("ab", "ascii")); t(lambda: bytes(3.0)); t(lambda: bytes(-1))
class BBI:
    def __bytes__(self): return b"b"
    def __index__(self): return 3
t(lambda: bytes(BBI())); t(lambda: bytearray(BBI()))
class SB(bytes): pass
class SBB:
    def __bytes__(self): return SB(b"q")
t(lambda: type(bytes(SBB())).__name__)
t(lambda: repr(staticmethod(len))); t(lambda: repr(classmethod(len)))
def f(): pass
t(lambda: repr(staticmethod(f)).startswith("<staticmethod(<function f at 0x"))
t(lambda: repr(classmethod(f)).startswith("<classmethod(<function f at 0x"))
t(lambda: repr(staticmethod(1)))

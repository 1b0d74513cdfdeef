# A class is no mapping for %-formatting and is not reversible (only its
# instances may be), as CPython.
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
t(lambda: "a" % list); t(lambda: "%(x)s" % list); t(lambda: "a" % int); t(lambda: "a" % dict)
t(lambda: reversed(list)); t(lambda: reversed(int)); t(lambda: b"a" % list)
class G:
    def __getitem__(self, k): return 1
t(lambda: "a" % G()); t(lambda: "%(x)s" % G()); t(lambda: list(reversed([1, 2])))
class R:
    def __reversed__(self): return iter([3])
t(lambda: list(reversed(R()))); t(lambda: reversed(R))

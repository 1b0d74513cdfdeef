import sys
vi = sys.version_info
print(vi >= (3, 8), vi < (4,), vi[:2], vi.major, vi.minor, vi[0] == vi.major)
print(type(vi).__name__ in ("version_info", "sys.version_info"), len(vi), vi.releaselevel, vi.serial)
major, minor, *rest = vi
print(major, minor, len(rest), list(vi)[:2], tuple(vi)[:2])
print(hash(vi) == hash(tuple(vi)), vi == tuple(vi), vi.count(3), vi.index(11))
print(sys.maxsize, sys.maxsize == 2**63 - 1, sys.byteorder, type(sys.path).__name__, sys.maxunicode)
print(type(sys.argv).__name__, len(sys.argv), sys.argv[0].endswith("sys_attrs.py"))
print(sys.modules["sys"] is sys, "sys" in sys.modules, type(sys.modules).__name__)
print(sys.getrecursionlimit(), sys.intern("abc"), sys.get_int_max_str_digits())
print(sys.exc_info())
try:
    raise KeyError("k")
except KeyError:
    t, v, tb = sys.exc_info()
    print(t.__name__, repr(v), tb is None or tb is not None)
print(sys.exc_info())
fi = sys.float_info
print(fi.max, fi.min, fi.epsilon, fi.dig, fi.mant_dig, fi.radix, fi[0] == fi.max)
print(sys.getdefaultencoding(), sys.stdout.name, sys.stderr.name, sys.stdout.encoding)
print(sys.stdout.isatty(), sys.stdout.writable(), sys.stdout.closed)
for bad in [lambda: sys.intern(3), lambda: sys.getrecursionlimit(1), lambda: sys.exc_info(1), lambda: vi.foo]:
    try:
        bad()
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)

import sys
vi = sys.version_info
print(vi.major, vi.minor >= 0, vi[0], vi >= (3,), vi < (4,), vi[:1])
print(vi.major == vi[0], isinstance(vi.micro, int), vi.releaselevel in ("alpha", "beta", "candidate", "final"))
print(sys.maxsize, sys.maxsize + 1 == 2 ** 63, -sys.maxsize - 1)
print(type(sys.maxsize).__name__, sys.maxsize.bit_length())
print(sys.getrecursionlimit(), type(sys.getrecursionlimit()).__name__)
if sys.version_info >= (3, 11):
    print("3.11+ branch")
else:
    print("old")
major, minor, *_ = sys.version_info
print(major >= 3, minor >= 0)
print([n for n in ("stdout", "stderr", "maxsize", "version_info", "getrecursionlimit") if hasattr(sys, n)])

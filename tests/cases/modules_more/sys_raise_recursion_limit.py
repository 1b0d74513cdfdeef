# Raising the recursion limit up front, as many scripts do, is accepted;
# the limit reads back as set (krait still stops at the host's limit).
import sys
sys.setrecursionlimit(10**6)
print(sys.getrecursionlimit())
def depth(n): return 0 if n == 0 else 1 + depth(n - 1)
print(depth(900))

import sys
old = sys.getrecursionlimit()
print(old)
sys.setrecursionlimit(200)
print(sys.getrecursionlimit())
def down(n):
    return down(n + 1)
try:
    down(0)
except RecursionError as e:
    print(type(e).__name__, e)
sys.setrecursionlimit(old)
print(sys.getrecursionlimit())
for bad in [0, -5, "a", 2.0, None]:
    try:
        sys.setrecursionlimit(bad)
    except (ValueError, TypeError) as e:
        print(repr(bad), type(e).__name__, e)
try:
    sys.setrecursionlimit(1)
except RecursionError as e:
    print(type(e).__name__, e)
def nested():
    try:
        sys.setrecursionlimit(2)
    except RecursionError as e:
        print(type(e).__name__, e)
nested()
try:
    sys.setrecursionlimit()
except TypeError as e:
    print(type(e).__name__, e)
print(sys.getrecursionlimit() == old)

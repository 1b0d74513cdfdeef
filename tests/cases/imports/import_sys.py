import sys
print(type(sys).__name__, sys.__name__)
print(sys.maxsize == 2 ** 63 - 1, sys.maxsize)
print(sys.version_info >= (3, 8), sys.version_info[:2] >= (3, 10), sys.version_info.major)
print(type(sys.version_info).__name__ if False else len(sys.version_info) >= 3)
print(sys.getrecursionlimit())
n = sys.stdout.write("written via sys.stdout.write\n")
print(n)
print("to stdout", file=sys.stdout)
sys.stderr.write("this goes to stderr\n")
print("stderr print", file=sys.stderr)
print(hasattr(sys, "stdout"), hasattr(sys, "stderr"), hasattr(sys, "nosuchattr"))
try:
    sys.nosuchattr
except AttributeError as e:
    print(type(e).__name__, e)
import sys as system
print(system is sys)
def inner():
    import sys
    return sys.maxsize > 0
print(inner())

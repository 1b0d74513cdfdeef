import sys
r = sys.stdout.write("abc")
print()
print("write returned", r)
print(sys.stdout.write(""), sys.stdout.write("é\n"))
sys.stdout.write("no newline, then ")
sys.stdout.write("continued\n")
print("line to stderr", file=sys.stderr)
sys.stderr.write("raw stderr\n")
print("a", "b", sep="-", end="!\n", file=sys.stdout)
print("stderr with sep", 1, 2, sep=",", file=sys.stderr)
print(file=sys.stdout)
print("after blank line")
out = sys.stdout
out.write("alias write\n")
for stream in (sys.stdout, sys.stderr):
    stream.write("loop write\n")
try:
    sys.stdout.write(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    print("x", file=5)
except AttributeError as e:
    print(type(e).__name__, e)
print("flush" , sys.stdout.flush() is None)
class Capture:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
        return len(s)
cap = Capture()
print("captured", 1, 2, file=cap)
print("more", end="", file=cap)
print(cap.parts)

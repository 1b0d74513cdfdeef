# print() writes to sys.stdout as it is when called: a swapped-in writer
# captures the text; None swallows it; a deleted one is an error.
import sys
class Capture:
    def __init__(self): self.parts = []
    def write(self, s): self.parts.append(s); return len(s)
    def flush(self): pass
cap = Capture()
old, sys.stdout = sys.stdout, cap
print("hidden", 1, sep="-")
print("two", end="")
sys.stdout = old
print("captured:", cap.parts)
sys.stdout = None
print("nothing")
sys.stdout = old
print("back", file=sys.stdout)
del sys.stdout
try:
    print("lost")
except RuntimeError as e:
    sys.stdout = old
    print("RuntimeError:", e)
print(sys.stdout is sys.__stdout__)

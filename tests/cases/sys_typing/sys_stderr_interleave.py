import sys
def log(*parts):
    print("[log]", *parts, file=sys.stderr)
total = 0
for i in range(5):
    total += i
    log("step", i, "total", total)
    print("progress", i)
sys.stderr.write("done\n")
print("result", total)
class Tee:
    def __init__(self, *streams):
        self.streams = streams
    def write(self, s):
        for st in self.streams:
            st.write(s)
        return len(s)
print("tee line", file=Tee(sys.stdout, sys.stderr))

# print(..., flush=True) calls the file's flush() after writing (a falsy
# flush does not); a file without flush() fails there.
class W:
    def __init__(self):
        self.got = []

    def write(self, s):
        self.got.append(s)

    def flush(self):
        print("flushed after", self.got)


print("x", 1, file=W(), flush=True)
print("y", file=W(), flush=0)


class NoFlush:
    def write(self, s):
        pass


try:
    print("z", file=NoFlush(), flush=True)
except AttributeError as e:
    print("AttributeError", e)
print("plain", flush=True)

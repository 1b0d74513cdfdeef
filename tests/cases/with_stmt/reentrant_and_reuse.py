class Depth:
    def __init__(self):
        self.depth = 0
        self.max = 0
    def __enter__(self):
        self.depth += 1
        self.max = max(self.max, self.depth)
        return self.depth
    def __exit__(self, *a):
        self.depth -= 1
d = Depth()
with d as a:
    with d as b:
        with d as c:
            print(a, b, c)
    with d as b2:
        print("again", b2)
print(d.depth, d.max)
def recurse(n):
    with d:
        if n:
            return recurse(n - 1)
        return d.depth
print(recurse(5), d.depth, d.max)
class OneShot:
    def __init__(self):
        self.used = False
    def __enter__(self):
        if self.used:
            raise RuntimeError("OneShot already used")
        self.used = True
        return self
    def __exit__(self, *a):
        pass
o = OneShot()
with o:
    print("first use ok")
try:
    with o:
        print("never")
except RuntimeError as e:
    print(type(e).__name__, e)
class Lock:
    def __init__(self):
        self.held = False
        self.history = []
    def __enter__(self):
        if self.held:
            raise RuntimeError("deadlock")
        self.held = True
        self.history.append("acquire")
    def __exit__(self, *a):
        self.held = False
        self.history.append("release")
lock = Lock()
for i in range(3):
    with lock:
        pass
try:
    with lock:
        with lock:
            pass
except RuntimeError as e:
    print(e, lock.held, lock.history)

class PoolExhausted(Exception):
    pass
class Pool:
    def __init__(self, size):
        self.free = ["conn%d" % i for i in range(size)]
        self.in_use = []
        self.events = []
    def acquire(self):
        return _Lease(self)
    def _take(self):
        if not self.free:
            raise PoolExhausted("no free connections (in use: %s)" % ", ".join(self.in_use))
        c = self.free.pop(0)
        self.in_use.append(c)
        self.events.append("take " + c)
        return c
    def _give(self, c, broken):
        self.in_use.remove(c)
        if broken:
            self.events.append("discard " + c)
            self.free.append(c + "'")
        else:
            self.events.append("return " + c)
            self.free.append(c)
class _Lease:
    def __init__(self, pool):
        self.pool = pool
        self.conn = None
    def __enter__(self):
        self.conn = self.pool._take()
        return self.conn
    def __exit__(self, t, v, tb):
        self.pool._give(self.conn, broken=t is not None)
        return False
pool = Pool(2)
with pool.acquire() as c1:
    with pool.acquire() as c2:
        print("using", c1, c2)
        try:
            with pool.acquire() as c3:
                print("never", c3)
        except PoolExhausted as e:
            print(type(e).__name__, e)
try:
    with pool.acquire() as c:
        raise IOError("connection reset on " + c)
except OSError as e:
    print(type(e).__name__, e)
with pool.acquire() as c:
    print("next lease gets", c)
print(pool.free, pool.in_use)
for ev in pool.events:
    print(" ", ev)

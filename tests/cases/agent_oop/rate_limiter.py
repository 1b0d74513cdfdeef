class FakeClock:
    def __init__(self):
        self.now = 0.0
    def advance(self, dt):
        self.now = round(self.now + dt, 3)
    def __call__(self):
        return self.now
class RateLimited(Exception):
    def __init__(self, key, retry_after):
        super().__init__(f"{key} rate limited, retry after {retry_after:.2f}s")
        self.retry_after = retry_after
class TokenBucket:
    def __init__(self, rate, capacity, clock):
        self.rate, self.capacity, self.clock = rate, capacity, clock
        self.tokens = capacity
        self.last = clock()
    def _refill(self):
        now = self.clock()
        self.tokens = min(self.capacity, self.tokens + (now - self.last) * self.rate)
        self.last = now
    def try_take(self, n=1):
        self._refill()
        if self.tokens >= n:
            self.tokens -= n
            return 0.0
        return (n - self.tokens) / self.rate
class Limiter:
    def __init__(self, rate, capacity, clock):
        self.buckets = {}
        self.rate, self.capacity, self.clock = rate, capacity, clock
        self.stats = {"allowed": 0, "denied": 0}
    def check(self, key, cost=1):
        b = self.buckets.get(key)
        if b is None:
            b = self.buckets[key] = TokenBucket(self.rate, self.capacity, self.clock)
        wait = b.try_take(cost)
        if wait:
            self.stats["denied"] += 1
            raise RateLimited(key, wait)
        self.stats["allowed"] += 1
    def __call__(self, key_fn):
        def deco(fn):
            def wrapper(*args):
                self.check(key_fn(*args))
                return fn(*args)
            return wrapper
        return deco
clock = FakeClock()
limiter = Limiter(rate=2.0, capacity=3, clock=clock)
@limiter(lambda user, path: user)
def handle(user, path):
    return f"200 {user} {path}"
timeline = [(0.0, "ann", "/a"), (0.0, "ann", "/b"), (0.1, "ann", "/c"), (0.1, "ann", "/d"), (0.1, "bob", "/a"),
            (0.5, "ann", "/e"), (0.3, "ann", "/f"), (2.0, "ann", "/g"), (0.0, "ann", "/h"), (0.0, "ann", "/i"),
            (0.0, "ann", "/j"), (0.0, "ann", "/k")]
for dt, user, path in timeline:
    clock.advance(dt)
    try:
        print(f"t={clock():.1f}", handle(user, path))
    except RateLimited as e:
        print(f"t={clock():.1f} 429", e, round(e.retry_after, 3))
print(limiter.stats, sorted(limiter.buckets), round(limiter.buckets["ann"].tokens, 3))
try:
    limiter.check("bob", cost=10)
except RateLimited as e:
    print(type(e).__name__, e)

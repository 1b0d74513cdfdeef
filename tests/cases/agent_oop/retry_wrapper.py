class TransientError(Exception):
    pass
class PermanentError(Exception):
    pass
class RetryExhausted(Exception):
    def __init__(self, attempts, last):
        super().__init__(f"gave up after {attempts} attempts: {last}")
        self.attempts = attempts
class FakeSleeper:
    def __init__(self):
        self.slept = []
    def __call__(self, seconds):
        self.slept.append(seconds)
class Retry:
    def __init__(self, attempts=3, base=0.5, factor=2.0, retry_on=(TransientError,), sleeper=None):
        self.attempts, self.base, self.factor = attempts, base, factor
        self.retry_on = retry_on
        self.sleep = sleeper or FakeSleeper()
        self.history = []
    def delays(self):
        d = self.base
        for _ in range(self.attempts - 1):
            yield d
            d *= self.factor
    def __call__(self, fn):
        def wrapper(*args, **kwargs):
            delays = self.delays()
            for attempt in range(1, self.attempts + 1):
                try:
                    result = fn(*args, **kwargs)
                    self.history.append((wrapper.__name__, attempt, "ok"))
                    return result
                except self.retry_on as e:
                    self.history.append((wrapper.__name__, attempt, f"{type(e).__name__}: {e}"))
                    if attempt == self.attempts:
                        raise RetryExhausted(attempt, e) from e
                    self.sleep(next(delays))
        wrapper.__name__ = getattr(fn, "__name__", type(fn).__name__.lower())
        wrapper.retry = self
        return wrapper
    def __enter__(self):
        self._entered = len(self.history)
        return self
    def __exit__(self, t, v, tb):
        print(f"  [{len(self.history) - self._entered} attempt(s) recorded in block]")
        if t is RetryExhausted:
            print("  block swallowed:", v)
            return True
        return False
class Flaky:
    def __init__(self, failures, exc=TransientError):
        self.failures, self.exc, self.calls = failures, exc, 0
    def __call__(self, x):
        self.calls += 1
        if self.calls <= self.failures:
            raise self.exc(f"call {self.calls} failed")
        return x * 10
sleeper = FakeSleeper()
policy = Retry(attempts=4, base=0.25, sleeper=sleeper)
fetch = policy(Flaky(2))
print(fetch(5), sleeper.slept, fetch.__name__, fetch.retry is policy)
always = policy(Flaky(99))
try:
    always(1)
except RetryExhausted as e:
    print(type(e).__name__, e, e.attempts, type(e.__cause__).__name__)
print(sleeper.slept)
perm = policy(Flaky(1, PermanentError))
try:
    perm(1)
except PermanentError as e:
    print("not retried:", e)
with Retry(attempts=2, sleeper=FakeSleeper()) as r:
    r(Flaky(5))(0)
with r:
    print("  result", r(Flaky(1))(7))
for h in policy.history:
    print(h)

class Attempt:
    def __init__(self, retry, n):
        self.retry = retry
        self.n = n
    def __enter__(self):
        return self
    def __exit__(self, t, v, tb):
        if t is None:
            self.retry.succeeded = True
            return False
        if issubclass(t, self.retry.retry_on) and self.n < self.retry.attempts:
            self.retry.errors.append("attempt %d: %s" % (self.n, v))
            return True
        return False
class Retry:
    def __init__(self, attempts, retry_on=(Exception,)):
        self.attempts = attempts
        self.retry_on = retry_on
        self.errors = []
        self.succeeded = False
    def __iter__(self):
        for n in range(1, self.attempts + 1):
            if self.succeeded:
                return
            yield Attempt(self, n)
def flaky_factory(fail_times, exc=ConnectionError):
    state = {"calls": 0}
    def call():
        state["calls"] += 1
        if state["calls"] <= fail_times:
            raise exc("failure #%d" % state["calls"])
        return "ok after %d calls" % state["calls"]
    return call
for fails in (0, 2, 5):
    fn = flaky_factory(fails)
    r = Retry(4, retry_on=(ConnectionError,))
    result = None
    try:
        for attempt in r:
            with attempt:
                result = fn()
        print(fails, "->", result, r.errors)
    except ConnectionError as e:
        print(fails, "-> gave up:", e, r.errors)
r = Retry(3, retry_on=(ConnectionError,))
fn = flaky_factory(1, exc=ValueError)
try:
    for attempt in r:
        with attempt:
            fn()
except ValueError as e:
    print("non-retryable error propagates immediately:", e, r.errors)

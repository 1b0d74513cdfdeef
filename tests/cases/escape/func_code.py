# krait-only expectation: sandbox escape attempts must fail
# Code objects (and their constants/replace()) are not reachable from
# sandboxed code.
def f(a, b=2):
    return a + b
def gen():
    yield 1
async def coro():
    return 1
class C:
    def method(self):
        return 1
def attempt(thunk):
    try:
        leak = thunk()
        print("LEAK", type(leak).__name__)
    except AttributeError:
        print("blocked")
attempt(lambda: f.__code__)
attempt(lambda: f.__code__.co_consts)
attempt(lambda: f.__code__.replace)
attempt(lambda: (lambda: 0).__code__)
attempt(lambda: gen.__code__)
attempt(lambda: coro.__code__)
attempt(lambda: C.method.__code__)
attempt(lambda: C().method.__func__.__code__)
attempt(lambda: getattr(f, "__co" + "de__"))
attempt(lambda: type(f).__code__)
print("done")

# krait-only expectation: sandbox escape attempts must fail
# Frame objects (and their f_globals / f_builtins / f_back) must not be
# reachable: not through sys, generators, or tracebacks.
import sys
def attempt(thunk):
    try:
        leak = thunk()
        print("LEAK", type(leak).__name__)
    except AttributeError:
        print("blocked")
def gen():
    yield 1
g = gen()
next(g)
attempt(lambda: sys._getframe())
attempt(lambda: sys._getframe(0).f_globals)
attempt(lambda: g.gi_frame)
attempt(lambda: g.gi_frame.f_globals)
attempt(lambda: g.gi_frame.f_back)
attempt(lambda: g.gi_code)
attempt(lambda: (x for x in [1]).gi_frame)
try:
    1 / 0
except ZeroDivisionError as e:
    caught = e
attempt(lambda: caught.__traceback__.tb_frame)
attempt(lambda: caught.__traceback__.tb_frame.f_globals)
attempt(lambda: caught.__traceback__.tb_frame.f_builtins)
attempt(lambda: caught.__traceback__.tb_frame.f_back)
attempt(lambda: sys.exc_info()[2].tb_frame)
print("done")

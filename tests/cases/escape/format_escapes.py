# krait-only expectation: sandbox escape attempts must fail
# str.format / format_map field lookups are attribute accesses too and must
# hit the same wall as the dot syntax.
def f():
    return 1
class Holder:
    def __init__(self):
        self.fn = f
def attempt(thunk):
    try:
        leak = thunk()
        print("LEAK", leak[:20])
    except AttributeError:
        print("blocked")
attempt(lambda: "{0.__globals__}".format(f))
attempt(lambda: "{0.__code__}".format(f))
attempt(lambda: "{0.__class__.__base__.__subclasses__}".format(()))
attempt(lambda: "{fn.__globals__}".format(fn=f))
attempt(lambda: "{0.fn.__globals__}".format(Holder()))
attempt(lambda: "{h.fn.__globals__[__builtins__]}".format_map({"h": Holder()}))
attempt(lambda: "{0.__self__}".format(print))
print("done")

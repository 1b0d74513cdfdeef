# krait-only expectation: sandbox escape attempts must fail
# __builtins__ is not a name sandboxed code can see, and built-in functions
# do not expose the builtins module through __self__.
def f():
    return 1
try:
    leak = __builtins__
    print("LEAK", type(leak).__name__)
except (AttributeError, NameError):
    print("blocked")
def attempt(thunk):
    try:
        leak = thunk()
        print("LEAK", type(leak).__name__)
    except AttributeError:
        print("blocked")
attempt(lambda: print.__self__)
attempt(lambda: len.__self__)
attempt(lambda: getattr(print, "__self__"))
attempt(lambda: f.__builtins__)
attempt(lambda: (lambda: 0).__builtins__)
attempt(lambda: f.__globals__["__builtins__"])
attempt(lambda: print.__self__.open)
print("done")

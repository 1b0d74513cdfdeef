log = []
def trace(fn):
    def wrapper(*args, **kwargs):
        log.append(f"call {fn.__name__}{args}")
        result = fn(*args, **kwargs)
        log.append(f"ret {result}")
        return result
    return wrapper
@trace
def add(a, b):
    return a + b
print(add(2, 3), add(b=1, a=4))
print(log, add.__name__)
def repeat(n):
    def deco(fn):
        def wrapper(*a):
            return [fn(*a) for _ in range(n)]
        return wrapper
    return deco
@repeat(3)
def hello(name):
    return "hi " + name
print(hello("ann"))
def memoize(fn):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    return wrapper
@memoize
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80))
def d1(f):
    return lambda: "d1(" + f() + ")"
def d2(f):
    return lambda: "d2(" + f() + ")"
@d1
@d2
def base():
    return "base"
print(base())
registry = {}
def register(fn):
    registry[fn.__name__] = fn
    return fn
@register
def alpha():
    return 1
@register
def beta():
    return 2
print(sorted(registry), registry["beta"]())

class Adder:
    def __init__(self, base):
        self.base = base
        self.calls = 0
    def __call__(self, *args, scale=1, **kw):
        self.calls += 1
        return (self.base + sum(args)) * scale + sum(kw.values())
add5 = Adder(5)
print(add5(), add5(1), add5(1, 2, scale=10), add5(x=100), add5.calls)
print(callable(add5), callable(Adder), list(map(add5, [1, 2, 3])))
print(sorted([3, 1, 2], key=Adder(0)))
class Multiplier:
    def __init__(self, k):
        self.k = k
    def __call__(self, x):
        return x * self.k
    def __repr__(self):
        return "Multiplier(%d)" % self.k
fs = [Multiplier(i) for i in range(4)]
print(fs, [f(10) for f in fs])
def compose(*funcs):
    class Composed:
        def __call__(self, x):
            for f in reversed(funcs):
                x = f(x)
            return x
    return Composed()
h = compose(Multiplier(2), Adder(1), abs)
print(h(-5), h(3))
class NotCallable:
    pass
try:
    NotCallable()()
except TypeError as e:
    print(type(e).__name__, e)
class CallNone:
    __call__ = None
print(callable(CallNone()))
try:
    CallNone()()
except TypeError as e:
    print(type(e).__name__, e)
class Chain:
    def __init__(self, path=()):
        self.path = path
    def __call__(self, name):
        return Chain(self.path + (name,))
    def __repr__(self):
        return "/".join(self.path)
print(Chain()("a")("b")("c"))
o = Adder(0)
o.__call__ = lambda: "instance attribute, ignored by call syntax"
print(o(1), o.__call__())
class Memo:
    def __init__(self, fn):
        self.fn = fn
        self.cache = {}
    def __call__(self, n):
        if n not in self.cache:
            self.cache[n] = self.fn(n)
        return self.cache[n]
@Memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), len(fib.cache), type(fib).__name__)
class Method:
    def __call__(self, *a):
        return ("called with", a)
class Holder:
    m = Method()
print(Holder().m(1), Holder.m(2))
try:
    add5(1, scale=2, **{"scale": 4})
except TypeError as e:
    print(type(e).__name__)

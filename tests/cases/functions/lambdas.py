sq = lambda x: x * x
print(sq(7), (lambda: "noargs")(), (lambda *a, **k: (a, k))(1, b=2), (lambda x, y=10: x + y)(1))
print(list(map(lambda p: p[0] * p[1], [(1, 2), (3, 4)])), sorted([3, -1, 2], key=lambda v: -v))
compose = lambda f, g: lambda x: f(g(x))
inc = lambda x: x + 1
dbl = lambda x: x * 2
print(compose(inc, dbl)(5), compose(dbl, inc)(5))
fs = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b}
print({k: f(6, 3) for k, f in fs.items()})
print((lambda n: (lambda f, n: f(f, n))(lambda f, k: 1 if k <= 1 else k * f(f, k - 1), n))(10))
print(type(sq), sq.__name__, callable(sq))
cond = lambda x: "pos" if x > 0 else ("zero" if x == 0 else "neg")
print([cond(v) for v in (-2, 0, 3)])

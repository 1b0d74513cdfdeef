def apply(fn, *args):
    return fn(*args)
def add(a, b):
    return a + b
ops = [add, max, min, pow, divmod]
print([apply(op, 7, 3) for op in ops])
table = {"upper": str.upper, "len": len, "rev": lambda s: s[::-1], "strip": str.strip}
for name in sorted(table):
    print(name, table[name]("  Krait "))
def pipeline(*fns):
    def run(x):
        for f in fns:
            x = f(x)
        return x
    return run
p = pipeline(str.strip, str.lower, lambda s: s.replace(" ", "_"))
print(p("  Hello Big World  "))
print(callable(add), callable(5), callable(str), callable("".join), add.__name__, len.__name__, type(len).__name__)
fs = [lambda x, n=n: x ** n for n in range(4)]
print([f(3) for f in fs])
def returns_many():
    return 1, "two", [3]
one, two, three = returns_many()
print(one, two, three, returns_many())

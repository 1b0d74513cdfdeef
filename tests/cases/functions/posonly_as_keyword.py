# Positional-only parameters passed by keyword: CPython names every one the
# call passes, in parameter order, and only once a keyword matches nothing.
def check(call):
    try:
        print(call())
    except TypeError as e:
        print("TypeError:", e)

def f(a, b, /): return a + b
def g(a, b, /, **kw): return a, b, kw
def h(a, /, b): return a, b
def k(a, b, c, /, d=4): return a, b, c, d

check(lambda: f(a=1, b=2))
check(lambda: f(b=1, a=2))
check(lambda: g(1, 2, a=3, b=4))
check(lambda: h(a=1, b=2))
check(lambda: h(1, a=1, b=2, c=3))
check(lambda: h(1, c=3, a=1))
check(lambda: k(1, 2, c=3, a=0))
check(lambda: k(1, 2, 3, d=5, x=1))
check(lambda: k(1, 2, 3, 4, d=5))

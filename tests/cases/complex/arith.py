# + - * / with every mix of complex, int, float and bool, bit for bit.
inf = float("inf")
nan = float("nan")
cvals = [1j, -1j, 2 + 3j, -1.5 + 0.5j, complex(0.0, -0.0), complex(-0.0, 0.0), complex(1e200, 1e200),
         complex(1e-200, -3.0), complex(7.25, -2.0), complex(inf, 1.0), complex(1.0, nan), complex(0.1, 0.2)]
others = [0, 1, -3, 2.5, -0.0, 0.0, True, False, 10**15, 1e-300, 3.0]
ops = [("+", lambda a, b: a + b), ("-", lambda a, b: a - b), ("*", lambda a, b: a * b),
       ("/", lambda a, b: a / b)]
def show(f, a, b):
    try:
        return repr(f(a, b))
    except Exception as e:
        return type(e).__name__ + ": " + str(e)
for sym, f in ops:
    for a in cvals:
        print(repr(a), sym, " ".join(show(f, a, b) for b in cvals))
        print(repr(a), sym, " ".join(show(f, a, b) for b in others))
        print(sym, repr(a), " ".join(show(f, b, a) for b in others))
# sign of zero through the mixed forms (an int or float becomes x+0j)
print(complex(1, -0.0) + 1.0, complex(1, -0.0) - 1, 1.0 - complex(1, -0.0), -0.0 - 0j, 0.0 - 0j)
print(complex(inf, 1) * 2.0, 2 * complex(inf, 1), complex(-0.0, -0.0) * 1, complex(inf, inf) / complex(1, 1))
print((1 + 1j) / complex(inf, 1), (1 + 1j) / complex(nan, 1), (1 + 1j) / complex(1, nan), 1 / complex(1e-320, 1e-320))
print(-(1 + 2j), -complex(0.0, 0.0), +(1 - 2j), -complex(nan, -inf), abs(-3 - 4j))
x = 1j
x += 1
x *= 2
x /= 4j
x -= 0.5
x **= 2
print(x)
# errors
tests = [lambda: 1j / 0, lambda: 1j / 0.0, lambda: 1 / 0j, lambda: 0j / 0j, lambda: 1.5 / complex(0, -0.0),
         lambda: 1j // 1, lambda: 1 // 1j, lambda: 1j % 2, lambda: 2.5 % 1j, lambda: divmod(1j, 1),
         lambda: divmod(1, 1j), lambda: ~1j, lambda: 1j << 1, lambda: 1j & 1, lambda: 1j @ 1j,
         lambda: 1j + "a", lambda: "a" + 1j, lambda: [1] * 1j, lambda: 1j * [1], lambda: 1j + None,
         lambda: 10**400 + 1j, lambda: 1j * 10**400, lambda: 1j / 10**400, lambda: 10**400 - 1j,
         lambda: 1j < 1j, lambda: 1j <= 1, lambda: 1 > 1j, lambda: 1.5 >= 2j, lambda: -1j]
for t in tests:
    try:
        print(repr(t()))
    except Exception as e:
        print(type(e).__name__, e)
y = 5j
try:
    y //= 2
except TypeError as e:
    print(e)
try:
    y %= 2
except TypeError as e:
    print(e)
print(y)

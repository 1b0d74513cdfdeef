# ** and pow(): small integral exponents by repeated squaring, others in
# polar form, CPython's errors; float and int bases that become complex.
inf = float("inf")
nan = float("nan")
def show(f):
    try:
        return repr(f())
    except Exception as e:
        return type(e).__name__ + ": " + str(e)
bases = [1j, -1j, 1 + 1j, 2 - 3j, -0.5 + 0.25j, complex(1.1, 1.0), complex(0.0, 0.0), complex(-0.0, 0.0),
         complex(1e200, 1e200), complex(1e-200, 0.0), complex(inf, 0.0), complex(nan, 0.0), complex(1.0, inf)]
exps = [0, 1, 2, 3, 7, 16, 100, 101, -1, -2, -7, -100, -101, 0.5, -0.5, 2.0, 1e308, 1j, -1j, 2 + 3j,
        complex(0, inf), inf, -inf, nan, True, False, 10.0 ** 20, 2.5 + 0j, -0.0]
for b in bases:
    print(repr(b), " ".join(show(lambda: b ** e) for e in exps))
for e in exps[:20]:
    print(repr(e), " ".join(show(lambda: b ** e) for b in [2, -2, 0, 0.5, -8.0, 1, True, -1]))
print(show(lambda: (1 + 1j) ** inf), show(lambda: (-1 + 0j) ** inf), show(lambda: (1 + 0j) ** inf))
print(show(lambda: 0j ** 0), show(lambda: 0j ** -1), show(lambda: 0j ** 1j), show(lambda: 0j ** (1 + 0j)),
      show(lambda: 0j ** -1.5), show(lambda: 0 ** -1j), show(lambda: 0.0 ** (2 + 1j)))
print(show(lambda: (1e200 + 1e200j) ** 2), show(lambda: (1e200 + 1e200j) ** 2.5), show(lambda: (2 + 0j) ** 1e308))
# negative numbers to fractional powers are complex
print((-8) ** 0.5, (-8.0) ** (1 / 3), pow(-2, 0.5), (-1) ** 0.5, (-2.5) ** -1.5, (-1e300) ** 0.5)
print((-8) ** 2.0, (-8.0) ** 3, (-2) ** -2, (-0.0) ** 0.5, (-inf) ** 0.5, type((-4) ** 0.5).__name__)
print(pow(-8, 1 / 3), pow(-27.0, 1 / 3), [(-x) ** 0.5 for x in range(1, 5)])
print(show(lambda: 10 ** 400 ** 0.5 if False else (-10) ** 0.5), show(lambda: (-(10 ** 400)) ** 0.5))
# three-argument pow
for args in [(1j, 2, 3), (2, 1j, 3), (2, 3, 1j), (2.0, 3, 1j), (2, 2.0, 1j), (1j, "a", 2), ("a", 2, 2.0),
             (2.0, 1j, 3), (1j, 1.5, 2), (1j, 2, None), (2, 3, 5), (1j, 2, "m"), ("a", "b", 1j)]:
    print(args, show(lambda: pow(*args)))
print(show(lambda: (1j).__pow__(2, 3)), show(lambda: (1j).__pow__(2, None)), show(lambda: (1j).__rpow__(2, 3)),
      show(lambda: (1j).__pow__("a", 3)), show(lambda: (1j).__pow__()), show(lambda: (1j).__pow__(1, 2, 3)))
print(show(lambda: pow(1j, 2)), show(lambda: pow(base=2j, exp=2)), show(lambda: pow(1j, exp=-1)))

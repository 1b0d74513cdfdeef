# Attributes, methods and dunders; conversions that refuse a complex.
def show(f):
    try:
        return repr(f())
    except Exception as e:
        return type(e).__name__ + ": " + str(e)
z = 3 - 4j
print(z.real, z.imag, type(z.real).__name__, z.conjugate(), (-0j).conjugate(), z.__complex__(), z.__complex__() is z)
print(z.__getnewargs__(), abs(z), z.__abs__(), abs(complex(1e308, 1e308)), abs(complex(float("inf"), float("nan"))))
print(abs(complex(float("nan"), 1)), abs(complex(-float("inf"), 1)), abs(5e-324j), abs(complex(3e-320, 4e-320)))
print(z.__add__(1), z.__radd__(1), z.__sub__(1), z.__rsub__(1), z.__mul__(2), z.__rmul__(2.5))
print(z.__truediv__(2), z.__rtruediv__(2), z.__pow__(2), z.__rpow__(2), z.__neg__(), z.__pos__(), z.__bool__())
print(z.__eq__(3 - 4j), z.__ne__(3), z.__eq__("a"), z.__lt__(1j), z.__add__("a"), z.__radd__([]), z.__hash__() == hash(z))
print(z.__repr__(), z.__str__(), z.__format__(".1f"), z.__format__(""), complex.__name__, complex.__qualname__)
print(type(complex), complex.__mro__, isinstance(1j, complex), isinstance(1j, (int, float)), isinstance(1, complex))
print(issubclass(complex, object), issubclass(bool, complex), isinstance(1j, (int, float, complex)))
print(complex.conjugate(2j), complex.__add__(1j, 1), show(lambda: complex.conjugate(1)))
print([n for n in dir(complex) if not n.startswith("_")])
print(sum([1j, 2, 3.5]), sum([1j], 1.5), sum((x * 1j for x in range(5)), 0j), sum([0.5j] * 4, start=1))
w = 1j
calls = [lambda: int(1j), lambda: float(1j), lambda: round(1j), lambda: round(1j, 2), lambda: z.conjugate(1),
         lambda: z.__format__(), lambda: z.__format__(1), lambda: z.__complex__(1), lambda: z.__getnewargs__(1),
         lambda: z.__abs__(1), lambda: z.__add__(), lambda: z.__add__(1, 2), lambda: z.__floordiv__,
         lambda: z.__int__, lambda: z.__float__, lambda: z.__round__, lambda: z.real.__class__,
         lambda: z.x, lambda: setattr(z, "x", 2), lambda: complex.real.__name__ if False else 0,
         lambda: len(w), lambda: w[0], lambda: iter(w), lambda: w(), lambda: hex(w), lambda: range(w),
         lambda: [1, 2][w], lambda: chr(w), lambda: bin(w), lambda: divmod(2j, w), lambda: "ab" * w]
for c in calls:
    print(show(c))
print(str(2j).upper(), repr(-1j).lstrip("-"), [complex(i, -i) for i in range(3)], dict(z=1j))

# Imaginary literals, constants, and repr/str of every sign/special case.
print(1j, 2.5J, 1e3j, 1E-3J, 0j, 00j, 0.j, .5j, 1_000j, 0e0j, 1e999j, -1e999j)
print(-1j, +1j, -0j, -(0j), 1 - 1j, -1 + 0j, 1.5 - 0j, -0.0 + 1j, -0.0 - 1j)
print(1j.real, 1J.imag, 2j.conjugate(), (1+2j).real)
print(type(1j), type(1 + 2j), type(-1j))
a = 1j
b = 1j
print(a is b, a == b)
print((1j, 2j), (1j, -1j, +1j), [1 + 1j, 2 - 2j], {"k": -3j})
print({1j, 2j, 3j, -1j}, {-1j, 1, 2}, {1 + 2j, 3, 4, 5j}, {-0.0 + 1j, 2, 3}, {(1 + 1j, 2), 3, 4})
print(2 in {1 + 2j, 2, 3}, 1 + 2j in {1 + 2j, 2, 3}, 3j in (1j, 2j, 3j))
inf = float("inf")
nan = float("nan")
parts = [0.0, -0.0, 1.0, -1.0, 1.5, -2.25, 1e16, 1e-5, 1e22, 5e-324, 0.1, 123456789012345678.0,
         1e300, -1e-300, 2.0 ** 53, 1234567.891, inf, -inf, nan]
for re in parts:
    print(" ".join(repr(complex(re, im)) for im in parts))
for re in parts[:8]:
    print(" ".join(str(complex(re, im)) for im in parts[:8]))
print(repr(complex(nan, -nan)), repr(complex(-nan, 1)), str(complex(inf, -inf)))
print(ascii(1j), repr([1j, (1j,), {1j: -0j}]), f"{1j}", f"{-0j!r}", "%s|%r" % (2j, -2j))
print(str(3+4j) == repr(3+4j), len(repr(complex(1e-310, -1.7976931348623157e308))))
x = 0
for z in (1j, 2 + 3j, -0j, complex(0, -0.0)):
    x += 1
    print(x, z, z.real, z.imag)

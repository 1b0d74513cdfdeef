# ==, != and ordering; hash agrees with int and float for real values.
inf = float("inf")
nan = float("nan")
vals = [0j, 1 + 0j, 1j, complex(1.5, 0.0), complex(-0.0, -0.0), complex(2 ** 53, 0), complex(inf, 0),
        complex(1e300, 0), complex(nan, 0)]
reals = [0, 1, -0.0, 1.5, True, False, 2 ** 53, 2 ** 53 + 1, 10 ** 400, inf, 10 ** 300, nan, "1", None]
for z in vals:
    print(repr(z), [z == x for x in reals], [x != z for x in reals])
    print(repr(z), [z == w for w in vals], [w != z for w in vals])
for op in ["<", "<=", ">", ">="]:
    for a, b in [(1j, 1j), (1j, 1), (1, 1j), (1.5, 2j), (1j, None), ("a", 1j)]:
        try:
            r = {"<": lambda: a < b, "<=": lambda: a <= b, ">": lambda: a > b, ">=": lambda: a >= b}[op]()
            print(r)
        except TypeError as e:
            print(type(e).__name__, e)
for z in [0j, 1 + 0j, -1 + 0j, 1j, -1j, complex(1.5, 2), complex(-1, 0), complex(0, -1), complex(2 ** 60, 3),
          complex(inf, 0), complex(0, -inf), complex(1e-300, 1e300), 3 + 4j, complex(-0.0, -0.0), 0.5j]:
    print(repr(z), hash(z))
print(hash(1 + 0j) == hash(1), hash(2.5 + 0j) == hash(2.5), hash(complex(2 ** 61, 0)) == hash(2 ** 61))
d = {1: "int", 2.5: "float"}
d[1 + 0j] = "c1"
d[2.5 + 0j] = "c2"
d[3j] = "c3"
print(d, d[1], d.get(3j), 3j in d, (3 + 0j) in d, d[complex(1, -0.0)])
s = {0, 0.0, 0j, -0j, False, complex(-0.0, -0.0)}
print(s, len(s), {1j, 1j + 0, complex(0, 1)}, len({complex(i, -i) for i in range(10)}))
print(1j == 1j, 1j != 1j, [1j] == [1j], (1j, 2) == (1j, 2.0), [1j, 2] == [1j, 2 + 0j], 1j in [1j])
print(sorted([1j, 2j], key=abs), max([3j, 4, -5], key=abs), min(1 + 1j, 1j, key=lambda z: z.real))
for f in [lambda: sorted([1j, 2j]), lambda: max(1j, 2j), lambda: min([1, 1j]), lambda: [1j] < [2j],
          lambda: (1, 1j) < (1, 2j), lambda: (1j, 1) < (2j, 1)]:
    try:
        print(f())
    except TypeError as e:
        print(type(e).__name__, e)
print(bool(0j), bool(complex(0, -0.0)), bool(1e-300j), bool(complex(nan, 0)), not 1j, 0j or "x", 2j and 3)
print(1 if 0j else 2, [z for z in [0j, 1j, 0, 2j] if z])

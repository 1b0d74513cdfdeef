# complex(): numbers, keywords, strings (CPython's grammar and messages).
def show(f):
    try:
        return repr(f())
    except Exception as e:
        return type(e).__name__ + ": " + str(e)
calls = [lambda: complex(), lambda: complex(1), lambda: complex(1, 2), lambda: complex(2.5, -0.0),
         lambda: complex(-0.0), lambda: complex(True, False), lambda: complex(1j, 1j), lambda: complex(1.5, 2j),
         lambda: complex(2j, 1.5), lambda: complex(1 + 2j, 3 + 4j), lambda: complex(real=1, imag=2),
         lambda: complex(imag=2), lambda: complex(real=-0.0), lambda: complex(1, imag=3),
         lambda: complex(10**20, 10**-3), lambda: complex(10**400), lambda: complex(1, 10**400),
         lambda: complex(1, 2, 3), lambda: complex(x=1), lambda: complex(1, real=2),
         lambda: complex(imag=1, real=2, x=3), lambda: complex(None), lambda: complex([]),
         lambda: complex(1, []), lambda: complex(b"1"), lambda: complex(bytearray(b"1")), lambda: complex(str),
         lambda: complex(1, None), lambda: complex("1+2j", 1), lambda: complex(1, "2"), lambda: complex("1", "2"),
         lambda: complex("1", imag=2), lambda: complex({}), lambda: complex((1, 2))]
for c in calls:
    print(show(c))
z = 3 - 4j
print(complex(z) is z, complex(z) == z, type(complex(z)).__name__, complex(z, 0) is z)
texts = ["1+2j", "  ( 1+2j )  ", "(1+2j", "1+2j)", "", " ", "j", "J", "-j", "+j", "1", "-1.5", "1e3j",
         "1_000+2_0j", "1__0j", "_1j", "1_j", "1j_", "1_e5j", "1e1_0j", "+1_2.3_4e-5_6j", "inf-nanj",
         "-infinityJ", "nanj", "-nan+nanj", "infin", "infj1", "1+2", "1 + 2j", "1+j", "1-j", "+1-J", "1e",
         "1e+", "1ej", "1.j", ".5j", "5.", ".j", ".", "-.5-.5j", "()", "(1)", "( j )", "1e500", "1e500j",
         "-1e-500j", "0x1j", "1+-2j", "--1", "j1", "jj", "1jj", "1 j", "\t1j\n", "1\x00", "1_\x00",
         "\x7f1", "1_\x7f", "\u0661+\u0662j", "\u3000 1j\u3000", "1\u00e9", "1_\u00e9", "\xa01j\xa0",
         "1_0\u00e9", "1e5_5j", "(1+2j)(3)", "((1+2j))", "1+2j+3j", "1j+2", "+inf-infj", "NaN+NaNj", "1e-3-2.5E+2j"]
for t in texts:
    print(repr(t), show(lambda: complex(t)))
print(list(map(complex, ["1", "2j", "3+4j"])), [complex(i, i) for i in range(3)])

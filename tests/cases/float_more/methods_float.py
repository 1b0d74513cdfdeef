# float methods: is_integer, as_integer_ratio, hex/fromhex, dunders.
for v in [0.0, -0.0, 1.5, -0.75, 0.1, 3.0, 1e300, 5e-324, 2.0 ** 60, 123.456, float('inf'), float('-inf'), float('nan')]:
    out = [repr(v), v.is_integer(), v.hex(), v.real, v.imag, v.conjugate(), abs(v), -v, +v, bool(v), v.__float__()]
    try:
        out.append(v.as_integer_ratio())
    except (ValueError, OverflowError) as e:
        out.append(type(e).__name__ + ': ' + str(e))
    for m in [v.__trunc__, v.__floor__, v.__ceil__, v.__int__, v.__round__]:
        try:
            r = m()
            out.append(r if abs(r) < 10**20 else len(str(r)))
        except (ValueError, OverflowError) as e:
            out.append(type(e).__name__)
    print(out)
for s in ["0x1.8p1", "-0X1.ABCP+3", " 0x1p-1074 ", "0x1p-1075", "0x3p-1076", "0x1.8p-1074", "0x1p1023", "0x1p1024",
          "0x1.fffffffffffffp1023", "0x1.fffffffffffff8p1023", "1.", ".8", "ff", "0x.p1", "0x", "inf", "-Infinity", "nan",
          "0x1p", "0x1_0", "0x1.00000000000008p0", "0x1.00000000000018p0", "0x1.000000000000080000001p0",
          "0x" + "0" * 100 + "1p0", "0x1p-99999999999999999", "0x1p99999999999999999", "0x0p99999999999999999", "0x1.p-1022",
          "0x0.fffffffffffff8p-1022", "0x0.fffffffffffffp-1022", " 1p4 ", "0x1p+", "x1p1"]:
    try:
        print(repr(s)[:30], float.fromhex(s))
    except (ValueError, OverflowError) as e:
        print(repr(s)[:30], type(e).__name__, e)
print(float.fromhex((1.1).hex()) == 1.1, all(float.fromhex(x.hex()) == x for x in [0.1, 1e300, 5e-324, -2.5e-310]))
print((1.5).__add__(2), (1.5).__radd__(2), (1.5).__rsub__(2), (1.5).__add__("a"), (3.0).__rtruediv__(1), (2.0).__rpow__(3))
print((7.5).__floordiv__(2), (7.5).__rmod__(20), (1.5).__mul__(True), float.__neg__(2.5), float.conjugate(1.25))
for bad in [(1.5).is_integer, (1.5).hex]:
    try:
        bad(1)
    except TypeError as e:
        print("TypeError", e)

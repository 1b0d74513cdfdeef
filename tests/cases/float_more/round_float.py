# round() of floats: banker's rounding to int, correctly rounded ndigits.
vals = [0.5, 1.5, 2.5, 3.5, -0.5, -1.5, -2.5, 0.4999999999999999, 2.675, 1.005, 0.125, 0.375, 1234.5678, -1234.5678,
        1e16 + 1.0, 2.0 ** 70, 1e300, 5e-324, -0.0, 123.456, 99.5, 100.5, 0.1 + 0.2]
for v in vals:
    print(repr(v), round(v), round(v, 0), round(v, 1), round(v, 2), round(v, 3), round(v, -1), round(v, -2), round(v, 15),
          round(v, 400), round(v, -400), round(v, None))
print(type(round(2.5)).__name__, type(round(2.5, 0)).__name__, round(1.5, 10**30), round(1.5, -10**30), round(1e300, -300))
for v in [float('inf'), float('-inf'), float('nan')]:
    print(round(v, 2), round(v, -2))
    try:
        round(v)
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
for nd in [1.5, "2"]:
    try:
        round(2.5, nd)
    except TypeError as e:
        print("TypeError", e)
print(round(1e308, -308), round(-1.5e308, -307))
for v in [1.7976931348623157e308, -1.7976931348623157e308]:
    try:
        print(round(v, -308))
    except OverflowError as e:
        print("OverflowError", e)

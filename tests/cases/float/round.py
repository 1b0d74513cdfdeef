print(round(0.5), round(1.5), round(2.5), round(3.5), round(-0.5), round(-1.5), round(-2.5))
print(round(2.675, 2), round(1.005, 2), round(0.125, 2), round(0.375, 2), round(2.5, 0), round(-2.5, 0))
print(round(1234.5678, 1), round(1234.5678, -1), round(1234.5678, -2), round(1234.5678, 3))
print(round(3.14159, 4), round(-3.14159, 4), round(0.0001234, 5), round(1e20, -19))
print(type(round(2.5)), type(round(2.5, 0)), type(round(2.5, None)))
print(round(0.1 + 0.2, 15), round(0.1 + 0.2, 16), round(0.1 + 0.2, 17))
print(round(-0.4), round(-0.0, 1), round(5.5), round(6.5), round(1e300, 2))
print(round(123.456, -5), round(-123.456, -2), round(99.5), round(100.5))
for v in [float('inf'), float('nan')]:
    try:
        round(v)
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
print(round(float('inf'), 2), round(float('nan'), 1))

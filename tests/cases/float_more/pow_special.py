# float ** with special values, signs, overflow and underflow.
vals = [0.0, -0.0, 1.0, -1.0, 2.0, -2.0, 0.5, -0.5, 3.0, -3.0, 1e300, float('inf'), float('-inf'), float('nan')]
for a in vals:
    row = []
    for b in vals:
        try:
            if a < 0 and b == b and abs(b) != float('inf') and b != int(b):
                row.append('cx')
                continue
            row.append(repr(a ** b))
        except (ZeroDivisionError, OverflowError) as e:
            row.append(type(e).__name__[:4])
    print(repr(a), row)
print(2 ** -1, 2 ** -2, (-2) ** -1, (-2) ** -3, 10 ** -400, 2 ** -1074, 2 ** -1075, 3 ** -2, True ** -1, 2 ** 0.5, 4 ** 0.5)
print(2.0 ** 1023, 2.0 ** -1074, (-2.0) ** 1023, 1.0000001 ** 1e6, 0.9999999 ** 1e7, 10.0 ** -400, 10.0 ** 308)
for a, b in [(10.0, 400), (-10.0, 401), (2, 1024.0), (1e308, 2), (0, -1), (0.0, -1), (0, -1.5), (-0.0, -2), (10**400, -1), (2, -10**400)]:
    try:
        print(a if abs(a) < 1e100 else 'big', b if abs(b) < 1e100 else 'big', a ** b)
    except (ZeroDivisionError, OverflowError) as e:
        print(type(e).__name__, e)
print(pow(2.5, 2), pow(2, 0.5), pow(-8.0, 3), pow(1e-200, 2), pow(float('nan'), 0), pow(1.0, float('nan')))

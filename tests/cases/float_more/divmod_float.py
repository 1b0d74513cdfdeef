# Floor division and modulo of floats keep Python's sign rules.
vals = [7.5, -7.5, 0.0, -0.0, 1e300, -1e-300, 3, -3, float('inf'), float('-inf'), float('nan'), 2**70]
divs = [2, -2, 2.5, -2.5, 1e-300, 1e300, float('inf'), float('-inf'), 0.1, True]
for a in vals:
    print(repr(a)[:12], [divmod(a, b) for b in divs])
for a, b in [(1.0, 0), (1, 0.0), (0.0, 0.0), (1.0, False)]:
    for f in [lambda: a / b, lambda: a // b, lambda: a % b, lambda: divmod(a, b)]:
        try:
            f()
        except ZeroDivisionError as e:
            print("ZeroDivisionError", e)
print(divmod(7, 2.0), divmod(-7, 2.0), 5.5 % 1, -5.5 % 1, 1e16 % 3, -(2**70) % 3.5, 0.3 // 0.1, 0.3 % 0.1)

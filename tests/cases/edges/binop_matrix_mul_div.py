vals = [3, -2.5, True, "ab", [1], (2,), None]
ops = [("*", lambda a, b: a * b), ("/", lambda a, b: a / b), ("//", lambda a, b: a // b)]
for sym, op in ops:
    for a in vals:
        for b in vals:
            try:
                r = repr(op(a, b))
            except (TypeError, ZeroDivisionError) as e:
                r = type(e).__name__ + ": " + str(e)
            print(f"{a!r} {sym} {b!r} -> {r}")

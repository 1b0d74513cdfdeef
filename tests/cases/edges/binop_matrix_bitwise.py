vals = [6, -3, True, 2.0, "s", [1], None, {1, 2}, {"k": 1}]
ops = [("&", lambda a, b: a & b), ("|", lambda a, b: a | b), ("^", lambda a, b: a ^ b), ("<<", lambda a, b: a << b), (">>", lambda a, b: a >> b)]
for sym, op in ops:
    for a in vals:
        for b in vals:
            try:
                r = repr(op(a, b))
            except (TypeError, ValueError) as e:
                r = type(e).__name__ + ": " + str(e)
            print(f"{a!r} {sym} {b!r} -> {r}")

vals = [1, 1.0, True, "1", [1], (1,), None, {1}]
ops = [("<", lambda a, b: a < b), ("<=", lambda a, b: a <= b), (">", lambda a, b: a > b), (">=", lambda a, b: a >= b), ("==", lambda a, b: a == b), ("!=", lambda a, b: a != b)]
for sym, op in ops:
    for a in vals:
        row = []
        for b in vals:
            try:
                row.append(str(op(a, b))[0])
            except TypeError as e:
                row.append("E")
        print(f"{a!r:>6} {sym:<2} {' '.join(row)}")
for a, b in [(1, "1"), ("1", 1), ([1], (1,)), (None, 0), ({1}, [1]), (1.5, "x"), ([], None)]:
    for sym, op in ops[:4]:
        try:
            op(a, b)
        except TypeError as e:
            print(e)

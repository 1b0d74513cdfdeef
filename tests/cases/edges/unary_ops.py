vals = [5, -5, 0, 2.5, -0.0, True, False, "s", [1], None, 10**20]
for v in vals:
    out = []
    for name, op in [("-", lambda x: -x), ("+", lambda x: +x), ("~", lambda x: ~x), ("not", lambda x: not x), ("abs", abs)]:
        try:
            out.append(f"{name}:{op(v)!r}")
        except TypeError as e:
            out.append(f"{name}:TypeError({e})")
    print(repr(v), " ".join(out))

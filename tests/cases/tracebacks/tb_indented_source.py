def process(records):
    out = []
    for r in records:
        if r:
            for k in r:
                if k.startswith("x"):
                                        out.append(r[k] + 1)
    return out
process([{"x1": 1}, {"x2": "s"}])

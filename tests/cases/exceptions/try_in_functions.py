def safe_div(a, b):
    try:
        return a / b
    except ZeroDivisionError:
        return float("inf")
    except TypeError as e:
        return f"bad types: {e}"
print(safe_div(1, 2), safe_div(1, 0), safe_div("a", 2))
def parse_all(items):
    out, errors = [], []
    for it in items:
        try:
            out.append(int(it))
        except (ValueError, TypeError) as e:
            errors.append(f"{it!r}: {type(e).__name__}: {e}")
    return out, errors
res, errs = parse_all(["1", "2.5", None, "0x10", "-7", [], "  9 "])
print(res)
for e in errs:
    print(e)
def get(d, *keys):
    try:
        for k in keys:
            d = d[k]
        return d
    except (KeyError, IndexError, TypeError) as e:
        return f"<{type(e).__name__}: {e}>"
data = {"a": [{"b": 1}]}
print(get(data, "a", 0, "b"), get(data, "a", 1), get(data, "x"), get(data, "a", 0, "b", "c"))

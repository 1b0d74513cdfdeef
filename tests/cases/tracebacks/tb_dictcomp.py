rows = [("a", "1"), ("b", "x")]
parsed = {k: int(v) for k, v in rows}

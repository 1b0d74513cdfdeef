vals = [3, None, 1, None, 2]
print([v for v in vals if v is not None], sum(v for v in vals if v), vals.count(None), vals.index(None))
print(sorted(vals, key=lambda v: (v is None, v or 0)), max((v for v in vals if v is not None), default=None))
d = {"a": None, "b": 0, "c": ""}
print([k for k, v in d.items() if v is None], [k for k, v in d.items() if not v], d.get("zz") is None, d.get("a", "dflt"))
print(None in vals, None in d, None in d.values(), list(filter(None, vals)), [bool(v) for v in vals])
print(str(None).lower(), repr([None, (None,), {None: None}]), None.__class__.__name__ if False else type(None).__name__)
def maybe(x):
    return x * 2 if x is not None else None
print(list(map(maybe, vals)))

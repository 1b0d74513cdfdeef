d = {"b": 2, "a": 1}
d["c"] = 3
print(d, len(d), d["a"], "a" in d, "z" in d, 2 in d)
d["a"] = 10
print(d)
del d["b"]
print(d)
d["b"] = 20
print(d, list(d), list(d.keys()), list(d.values()), list(d.items()))
print(d.get("a"), d.get("zz"), d.get("zz", 0), d.get("b", 99))
print(d.setdefault("a", 5), d.setdefault("n", []), d)
d["n"].append(1)
print(d)
print(d.pop("n"), d.pop("missing", "dflt"), d)
print(d.popitem(), d)
d.update({"x": 1, "a": 0})
d.update(y=2)
d.update([("z", 3)])
print(d)
e = d.copy()
e["new"] = 1
print(d == e, len(d), len(e))
d.clear()
print(d, bool(d), bool(e))

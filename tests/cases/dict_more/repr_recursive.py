# repr of dicts that contain themselves (directly or through a list).
d = {}
d["self"] = d
print(d)
d["list"] = [d]
print(d, repr(d))
e = {"inner": {"x": d}}
print(e)
f = {1: 2}
g = {"f": f, "f2": f}
print(g, str(g))
a = {}
b = {"a": a}
a["b"] = b
print(a, b)
print({"k": "v'q", 'k"': 1, "n\n": None})

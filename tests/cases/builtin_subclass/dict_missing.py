class Default(dict):
    def __init__(self, factory, *a, **kw):
        super().__init__(*a, **kw)
        self.factory = factory
    def __missing__(self, key):
        print("  __missing__", repr(key))
        v = self[key] = self.factory()
        return v
d = Default(list)
d["a"].append(1)
d["a"].append(2)
d["b"].append(3)
print(d, len(d))
print(d.get("zzz"), "zzz" in d, d.get("zzz", "dflt"))
print(d.setdefault("c", "sd"), d.pop("c"))
counts = Default(int)
for ch in "mississippi":
    counts[ch] += 1
print(counts, dict(counts), type(dict(counts)).__name__)
class Echo(dict):
    def __missing__(self, key):
        return key.upper() if isinstance(key, str) else key
e = Echo(x=1)
print(e["x"], e["hello"], e[5], len(e), e)
try:
    dict.__getitem__(e, "nope")
except KeyError as err:
    print(type(err).__name__, err)
class Strict(dict):
    def __missing__(self, key):
        raise KeyError("no such setting: %s" % key)
s = Strict(a=1)
try:
    s["b"]
except KeyError as err:
    print(type(err).__name__, err)
print("{name} is {age}".format_map(Echo(name="ann")))
class Fmt(dict):
    def __missing__(self, key):
        return "{" + key + "}"
print("{a}-{b}-{c}".format_map(Fmt(a=1, c=3)))
class MissingNotCalledByGet(dict):
    calls = 0
    def __missing__(self, k):
        MissingNotCalledByGet.calls += 1
        return 0
m = MissingNotCalledByGet()
m.get("x"); "x" in m; m.pop("x", None); m.setdefault("y", 1)
print(MissingNotCalledByGet.calls, m["z"], MissingNotCalledByGet.calls, m)
class InstMissing(dict):
    pass
im = InstMissing()
im.__missing__ = lambda k: "instance missing"
try:
    im["q"]
except KeyError as err:
    print("instance __missing__ ignored:", type(err).__name__, err)
class NestedDefault(dict):
    def __missing__(self, key):
        self[key] = NestedDefault()
        return self[key]
tree = NestedDefault()
tree["a"]["b"]["c"] = 1
tree["a"]["x"] = 2
print(tree)

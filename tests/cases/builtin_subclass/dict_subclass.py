class LoudDict(dict):
    def __setitem__(self, k, v):
        print("  __setitem__", k, v)
        super().__setitem__(k, v.upper() if isinstance(v, str) else v)
    def __getitem__(self, k):
        print("  __getitem__", k)
        return super().__getitem__(k)
d = LoudDict(a="x")
print(d)
d["b"] = "y"
d.update(c="z")
d.setdefault("e", "w")
print(d)
print(d["b"], d.get("b"))
print(dict(d), {**d}, list(d.items()))
print(type(d).__name__, isinstance(d, dict), type(d.copy()).__name__)
print(d == {"a": "x", "b": "Y", "c": "z", "e": "w"}, {"a": "x", "b": "Y", "c": "z", "e": "w"} == d)
class AttrDict(dict):
    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None
    def __setattr__(self, name, value):
        self[name] = value
    def __delattr__(self, name):
        del self[name]
ad = AttrDict(host="h", port=1)
ad.user = "u"
print(ad.host, ad.port, ad.user, ad)
del ad.port
print(ad, hasattr(ad, "port"), ad.keys())
try:
    ad.nothing
except AttributeError as err:
    print(type(err).__name__, err)
class Ordered(dict):
    def __iter__(self):
        return iter(sorted(super().keys()))
    def keys(self):
        return sorted(super().keys())
o = Ordered(c=3, a=1, b=2)
print(list(o), o.keys(), [k for k in o], list(o.values()), o)
class Lower(dict):
    def __init__(self, *a, **kw):
        super().__init__()
        for k, v in dict(*a, **kw).items():
            self[k] = v
    def __setitem__(self, k, v):
        super().__setitem__(k.lower(), v)
    def __getitem__(self, k):
        return super().__getitem__(k.lower())
    def __contains__(self, k):
        return super().__contains__(k.lower())
lw = Lower({"Content-Type": "json"}, Accept="*/*")
print(lw, lw["CONTENT-TYPE"], "ACCEPT" in lw, "x" in lw)
class Counter(dict):
    def __add__(self, other):
        out = Counter(self)
        for k, v in other.items():
            out[k] = out.get(k, 0) + v
        return out
c = Counter(a=1) + Counter(a=2, b=3)
print(c, type(c).__name__, type(c | {"z": 0}).__name__)

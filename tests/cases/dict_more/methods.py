# The dict methods without keyword arguments.
d = {"a": 1, "b": 2, "c": 3}
print(d.get("a"), d.get("z"), d.get("z", 0), d.get(("t",), "none"))
print(d.setdefault("a", 9), d.setdefault("d"), d.setdefault("e", []), d)
d["e"].append(1)
print(d)
print(d.pop("d"), d.pop("zz", "default"), d)
try:
    d.pop("zz")
except KeyError as e:
    print("KeyError", e)
print(d.popitem(), d.popitem(), d)
d["x"] = 10
d["y"] = 20
print(d.popitem(), d)
c = d.copy()
c["new"] = 1
print(d, c, c is d)
d.update({"b": 200, "z": 26})
print(d)
d.update([("p", 1), ["q", 2], "rs"])
print(d)
d.update({})
d.update([])
d.update(d)
print(d)
d.clear()
print(d, len(d))
d.update(zip("abc", range(3)))
print(d)
print(dict.fromkeys("hello"), dict.fromkeys(range(4), 0), dict.fromkeys([]))
print(dict.fromkeys({"x": 1, "y": 2}, "v"), dict.fromkeys((1, 1, 2)))
print({}.fromkeys([3, 2, 1]), dict.fromkeys(sorted({5, 3, 4})))
print(dict(), dict({"a": 1}), dict([(1, 2), (3, 4)]), dict(zip(range(3), "abc")))
print(dict([("a", 1), ("a", 2)]), dict(["ab", "cd"]), dict([[1, [2]]]))
e = {}
for i in range(5):
    e[i] = i
while e:
    print(e.popitem(), end=" ")
print()
try:
    e.popitem()
except KeyError as err:
    print("KeyError", err)
m = {"k": 1}
m.__init__({"j": 2})
print(m)

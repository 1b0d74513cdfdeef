d = {"a": 1, "b": 2, "c": 3}
k, v, it = d.keys(), d.values(), d.items()
print(k, v, it)
d["d"] = 4
print(k, len(v), ("d", 4) in it, "a" in k, 4 in v)
print(k & {"a", "z"}, k | {"z"} == {"a", "b", "c", "d", "z"}, k - {"a"} == {"b", "c", "d"}, sorted(k ^ {"a", "q"}))
print(list(it)[0], sorted(v), sum(v), max(k), min(d, key=d.get))
print(type(k).__name__, type(v).__name__, type(it).__name__)
print({"a": 1}.keys() == {"a"}, {"a": 1}.items() == {("a", 1)}, {"a": 1}.values() == {"a": 1}.values())
print(list(zip(d.keys(), d.values())), [f"{k}={v}" for k, v in d.items()])
print(k.isdisjoint({"x"}), k.isdisjoint(["a"]))

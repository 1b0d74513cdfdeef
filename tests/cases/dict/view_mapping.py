d = {"a": 1}
k = d.keys()
print(k.mapping, d.values().mapping["a"], d.items().mapping == d, type(k.mapping).__name__)
d["b"] = 2
print(k.mapping)
class A: x = 1
print(repr(A.__dict__)[:13], str(A.__dict__)[:2])

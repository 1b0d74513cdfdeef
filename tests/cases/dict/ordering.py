d = {}
for k in ["z", "y", "x", 3, 1, 2, (0,), None, 1.5]:
    d[k] = str(k)
print(d)
del d["y"], d[1]
print(list(d))
d["y"] = "again"
d[1] = "one"
print(list(d))
d["z"] = "updated"
print(list(d.items())[:2])
e = {}
for i in range(100):
    e[i] = i
for i in range(0, 100, 3):
    del e[i]
for i in range(0, 30, 3):
    e[i] = -i
print(list(e)[:10], list(e)[-12:])
print(list(reversed({"a": 1, "b": 2, "c": 3})), list(reversed({"a": 1}.items())))
f = {1: 1, 2: 2}
f.pop(1)
f[1] = 1
print(f)

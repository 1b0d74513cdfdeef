d = {k: k * k for k in range(10)}
for k in (0, 3, 6, 9):
    del d[k]
print(d)
d[0] = "re-added"
d[3] = "re-added"
print(list(d))
d.pop(1)
d[1] = "back"
print(list(d.items())[-3:])
e = dict.fromkeys("abcdef")
del e["c"]
e["c"] = 1
e.popitem()
print(e)
f = {"x": 1, "y": 2, "z": 3}
f["x"] = 10
print(f)
g = {}
for i in range(50):
    g[i] = i
    if i % 3 == 0:
        del g[i]
print(list(g)[:12], len(g))

d = {"a": 1, "b": 2, "c": 3, "d": 4}
for k in list(d):
    if d[k] % 2 == 0:
        del d[k]
print(d)
d2 = {k: v for k, v in {"x": 1, "y": 2}.items() if v > 1}
print(d2)
d = {"a": 1, "b": 2}
for k in d:
    d[k] *= 10
print(d)
inv = {v: k for k, v in d.items()}
print(inv)
try:
    for k in d:
        del d[k]
except RuntimeError as e:
    print("RuntimeError", e)
print(d)

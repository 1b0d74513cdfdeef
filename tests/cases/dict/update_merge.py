a = {"x": 1, "y": 2}
b = {"y": 20, "z": 30}
print({**a, **b}, {**b, **a}, a | b, b | a)
c = dict(a)
c.update(b)
print(c)
c.update(b, w=0)
print(c)
c.update()
print(c)
def deep_merge(x, y):
    out = dict(x)
    for k, v in y.items():
        if k in out and isinstance(out[k], dict) and isinstance(v, dict):
            out[k] = deep_merge(out[k], v)
        else:
            out[k] = v
    return out
print(deep_merge({"a": {"b": 1, "c": 2}, "d": 1}, {"a": {"c": 3, "e": 4}, "f": 5}))
try:
    a.update([1, 2])
except TypeError as e:
    print("TypeError", e)
try:
    a.update(5)
except TypeError as e:
    print("TypeError", e)

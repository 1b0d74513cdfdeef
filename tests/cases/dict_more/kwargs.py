# Keyword arguments: dict(**kw), update(**kw), and errors.
print(dict(a=1, b=2), dict({"a": 0}, a=1, c=3), dict([("x", 1)], y=2))
d = {"a": 1}
d.update(b=2)
d.update({"c": 3}, d=4)
d.update([("e", 5)], a=0)
print(d)
kw = {"p": 1, "q": 2}
print(dict(**kw), dict(kw, r=3))
for f in [lambda: d.get("a", default=1), lambda: d.pop("a", default=1), lambda: d.keys(x=1),
          lambda: dict.fromkeys([], value=1), lambda: d.setdefault(key=1), lambda: d.copy(x=1)]:
    try:
        f()
    except TypeError as e:
        print("TypeError", e)

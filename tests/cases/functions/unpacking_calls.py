def show(a, b, c=0, *rest, **kw):
    return f"a={a} b={b} c={c} rest={rest} kw={sorted(kw.items())}"
args = [1, 2]
kwargs = {"c": 3, "x": 9}
print(show(*args))
print(show(*args, **kwargs))
print(show(*"xyz"))
print(show(*range(6)))
print(show(**{"a": "A", "b": "B"}))
print(show(1, *[2, 3], *[4], y=5, **{"z": 6}))
print(show(*(i * i for i in range(4))))
print(show(*{"k1": 0, "k2": 0}))
try:
    show(1, 2, **{"a": 3})
except TypeError as e:
    print("TypeError", e)
try:
    show(1, **{"b": 2}, **{"b": 3})
except TypeError as e:
    print("TypeError", e)
try:
    show(**{1: 2})
except TypeError as e:
    print("TypeError", e)
print(max(*[3, 9, 2]), min(*"hello"), print(*[], end="") is None)

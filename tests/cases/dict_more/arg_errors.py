# Argument-count and keyword errors of the dict methods, with CPython's wording.
d = {"a": 1}
calls = [
    lambda: d.get(),
    lambda: d.get(1, 2, 3),
    lambda: d.pop(),
    lambda: d.pop(1, 2, 3),
    lambda: d.popitem(1),
    lambda: d.keys(1),
    lambda: d.values(1, 2),
    lambda: d.items(None),
    lambda: d.setdefault(),
    lambda: d.setdefault(1, 2, 3),
    lambda: d.update(1, 2),
    lambda: d.copy(1),
    lambda: d.clear(1),
    lambda: d.__contains__(),
    lambda: d.__contains__(1, 2),
    lambda: d.__getitem__(),
    lambda: d.__reversed__(1),
    lambda: dict.fromkeys(),
    lambda: dict.fromkeys([1], 2, 3),
    lambda: dict(1, 2),
    lambda: dict({}, {}),
    lambda: d.keys().isdisjoint(),
]
for i, f in enumerate(calls):
    try:
        print(i, f())
    except TypeError as e:
        print(i, "TypeError", e)

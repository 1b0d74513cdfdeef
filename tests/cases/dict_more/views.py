# dict_keys / dict_values / dict_items: reprs, live updates, len, membership,
# reversal and the set operations of keys and items views.
d = {"a": 1, "b": 2, "c": 3}
k, v, it = d.keys(), d.values(), d.items()
print(k, v, it)
print(len(k), len(v), len(it))
d["d"] = 4
del d["a"]
print(k, v, it, len(k))
print("b" in k, "a" in k, 2 in v, 1 in v, ("b", 2) in it, ("b", 3) in it, ("zz", 1) in it)
print(["b", 2] in it, ("b",) in it, "b" in it, 2 in it)
print(list(reversed(k)), list(reversed(v)), list(reversed(it)))
print(list(reversed(d)), list(reversed({})))
print({}.keys(), {}.values(), {}.items())
ka = {1: "x", 2: "y", 3: "z"}.keys()
kb = {2: 0, 3: 0, 4: 0}.keys()
print(ka & kb, ka | kb, ka - kb, ka ^ kb)
print(ka & {1, 9}, ka | [7, 8], ka - (1,), ka ^ {3, 10})
print({1, 9} & ka, [7, 8] | ka, (1, 5) - ka, {3, 10} ^ ka)
print(ka & range(2, 10), ka | "", ka - set())
ia = {1: "x", 2: "y"}.items()
ib = {2: "y", 3: "z"}.items()
print(ia & ib, ia | ib, ia - ib, ia ^ ib)
print(ia & {(1, "x"), (5, 5)}, ia - [(1, "x")], ia ^ {(2, "y")})
print(ka == {1, 2, 3}, ka != {1, 2, 3}, ka == [1, 2, 3], ka == ka, ia == {(1, "x"), (2, "y")})
print(ka < {1, 2, 3, 4}, ka <= {1, 2, 3}, ka > {1}, ka >= {1, 2, 3}, ka < ka, ka > kb)
print({1, 2, 3} == ka, {1, 2, 3, 4} > ka, frozenset({1}) < ka)
print(ka.isdisjoint({4}), ka.isdisjoint([3]), ka.isdisjoint(kb), ka.isdisjoint(ka), {}.keys().isdisjoint({}.keys()))
print(ia.isdisjoint([(1, "x")]), ia.isdisjoint(ib), ia.isdisjoint([]))
print(type(ka & kb).__name__, type(ka - [1]).__name__, type(ia | ib).__name__)
print(sorted(k), sum(v), max(it), list(zip(k, v)))
x = {"n": 1}
x["view"] = x.values()
print(x)
y = {}
y[1] = y.keys()
y[2] = y.items()
print(y)
vals = {}.values()
for f in [lambda: vals | {1}, lambda: vals & {1}, lambda: vals - {1}, lambda: vals ^ {1}, lambda: {1} | vals]:
    try:
        f()
    except TypeError as e:
        print("TypeError", e)
try:
    {}.keys() | 1
except TypeError as e:
    print("TypeError", e)
try:
    {}.keys() < 1
except TypeError as e:
    print("TypeError", e)
try:
    hash({}.keys())
except TypeError as e:
    print("TypeError", e)

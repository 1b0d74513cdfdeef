tree = {"v": 1, "kids": [{"v": 2, "kids": [{"v": 4, "kids": []}]}, {"v": 3, "kids": [{"v": 5, "kids": []}, {"v": 6, "kids": []}]}]}
def total(t):
    return t["v"] + sum(total(k) for k in t["kids"])
def depth(t):
    return 1 + max((depth(k) for k in t["kids"]), default=0)
def paths(t, prefix=()):
    here = prefix + (t["v"],)
    if not t["kids"]:
        return [here]
    out = []
    for k in t["kids"]:
        out += paths(k, here)
    return out
def show(t, indent=0):
    print("  " * indent + str(t["v"]))
    for k in t["kids"]:
        show(k, indent + 1)
print(total(tree), depth(tree), paths(tree))
show(tree)
def flatten(x):
    if isinstance(x, (list, tuple)):
        return [y for e in x for y in flatten(e)]
    return [x]
print(flatten([1, (2, [3, (4,)]), [], [[5]]]))
def power_set(s):
    if not s:
        return [[]]
    rest = power_set(s[1:])
    return rest + [[s[0]] + r for r in rest]
print(power_set([1, 2, 3]))

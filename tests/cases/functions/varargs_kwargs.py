def summary(*nums, sep=", ", **opts):
    line = sep.join(str(n) for n in nums)
    if opts.get("total"):
        line += f" = {sum(nums)}"
    if "label" in opts:
        line = opts["label"] + ": " + line
    return line
print(summary(1, 2, 3))
print(summary(1, 2, 3, total=True))
print(summary(4, 5, sep=" + ", total=True, label="sum"))
print(summary())
def kw_only_defaults(a, *, b=2, c):
    return a, b, c
print(kw_only_defaults(1, c=3), kw_only_defaults(1, c=3, b=0))
def collect(**kw):
    kw["added"] = True
    return kw
d = {"x": 1}
print(collect(**d), d)
def pos_only(a, b=2, /):
    return a, b
print(pos_only(1), pos_only(1, 3))
try:
    pos_only(a=1)
except TypeError as e:
    print("TypeError", e)
def mix(a, /, b, *, c):
    return a, b, c
print(mix(1, 2, c=3), mix(1, b=2, c=3))
def same_name(a, /, **kw):
    return a, kw
print(same_name(1, a=2))

d = {}
d[1] = "int"
d[1.0] = "float overwrites"
d[True] = "bool overwrites"
print(d)
d[0] = "zero"
d[-0.0] = "neg zero"
d[False] = "false"
print(d)
d[(1, 2)] = "tuple"
d["1"] = "str"
d[None] = "none"
d[frozenset({1})] = "fs"
d[b"1"] = "bytes"
print(d)
print(d[(1, 2)], d[frozenset([1])], d[1.0], d[0.0])
print(len(d), 1 in d, "1" in d, 2 in d, (1, 2) in d)
nan = float("nan")
e = {nan: 1}
print(nan in e, float("nan") in e, e[nan])

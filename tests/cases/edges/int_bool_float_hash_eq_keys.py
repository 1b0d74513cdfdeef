d = {}
d[1] = "a"
d[1.0] = "b"
d[True] = "c"
print(d, len(d))
s = {0, 0.0, False, -0.0}
print(s, len(s))
print({1: "x"}.get(True), {True: "y"}.get(1.0), {2.0: "z"}[2], 1.5 in {1.5: 0}, {1, 2} == {1.0, 2.0})
print([1, 1.0, True].count(True), (0, False, 0.0).index(False), [True].index(1))

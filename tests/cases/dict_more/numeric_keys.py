# Equal numbers are one key: 1, 1.0 and True; 0, 0.0, -0.0 and False.
d = {1: "int"}
d[1.0] = "float"
d[True] = "bool"
print(d, d[1], d[1.0], d[True])
z = {0: "a", 0.0: "b", -0.0: "c", False: "d"}
print(z, len(z))
print({1.5: 1}[1.5], {2**40: 1}[2**40], {-1: "m"}[-1], {-2: "n"}[-2.0])
print({2**70: "big"}[2**70], 2**70 in {2**70: 0}, float(2**60) in {2**60: 0})
s = {}
for x in [1, 1.0, True, 2, 2.0, 3.5, -1, -1.0]:
    s[x] = s.get(x, 0) + 1
print(s)
print({"1": 1, 1: 2}, {(1, 2): 0} == {(1.0, 2.0): 0})
print({None: 1, True: 2, False: 3, ...: 4})

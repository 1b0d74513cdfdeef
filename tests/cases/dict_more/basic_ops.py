# Item access, assignment, deletion, membership and truth.
d = {}
print(d, len(d), bool(d))
d["x"] = 1
d[2] = "two"
d[(1, 2)] = [3]
d[None] = 0
d[-5] = -5
d[2.5] = "float"
print(d, len(d), bool(d))
print(d["x"], d[2], d[(1, 2)], d[None], d[-5], d[2.5])
print("x" in d, "y" in d, (1, 2) in d, (2, 1) in d, None in d, 2.5 in d)
d["x"] = 100
print(d)
del d[2]
print(d, 2 in d)
d[2] = "again"
print(d)
print(d.__getitem__("x"), d.__contains__(-5), d.__contains__(7))
for k in d:
    print(repr(k), end=" ")
print()
e = {i: i * i for i in range(12)}
print(e)
for i in range(0, 12, 3):
    del e[i]
print(e, len(e))
for i in range(0, 12, 3):
    e[i] = -i
print(e)
print(list(e), list(e.values())[:4])
big = {}
for i in range(1000):
    big[i * 7919 % 1009] = i
for i in range(0, 1000, 2):
    del big[i * 7919 % 1009]
print(len(big), list(big)[:10], sum(big.values()))
print({} == {}, {1: 2} == {1: 2}, {1: 2} == {2: 1}, {1: [2]} == {1: [2]}, {1: 2} == [(1, 2)])

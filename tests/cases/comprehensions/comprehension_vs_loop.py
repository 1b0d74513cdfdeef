result = []
for i in range(5):
    if i % 2 == 0:
        result.append(i * i)
print(result == [i * i for i in range(5) if i % 2 == 0], result)
pairs = []
for a in "ab":
    for b in range(2):
        pairs.append(a + str(b))
print(pairs == [a + str(b) for a in "ab" for b in range(2)], pairs)
d = {}
for k in ["x", "y"]:
    d[k] = k * 2
print(d == {k: k * 2 for k in ["x", "y"]}, d)
print([[j for j in range(i)] for i in range(4)])
print([x for x in [[1], [2, 3]] if len(x) > 1][0], [i for i in range(3)][-1])

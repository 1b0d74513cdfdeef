m = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print(m[1][2], m[-1][-1], [row[1] for row in m], [m[i][i] for i in range(3)])
t = [list(r) for r in zip(*m)]
print(t)
flat = [x for row in m for x in row]
print(flat, sum(flat))
m[0][0] = 100
print(m)
deep = [1, [2, [3, [4, [5]]]]]
def flatten(x):
    out = []
    for e in x:
        if isinstance(e, list):
            out.extend(flatten(e))
        else:
            out.append(e)
    return out
print(flatten(deep), deep[1][1][1][1][0])
print([[0] * 2 for _ in range(2)], [[i * j for j in range(4)] for i in range(4)])

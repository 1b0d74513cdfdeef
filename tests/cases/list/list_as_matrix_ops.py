m = [[1, 2], [3, 4], [5, 6]]
print([sum(r) for r in m], [sum(c) for c in zip(*m)], max(max(r) for r in m), [r[::-1] for r in m])
rot = [list(r) for r in zip(*m[::-1])]
print(rot)
rot_ccw = [list(r) for r in zip(*m)][::-1]
print(rot_ccw)
flat = sum(m, [])
print(flat, [flat[i:i + 3] for i in range(0, len(flat), 3)])
dot = sum(a * b for a, b in zip([1, 2, 3], [4, 5, 6]))
print(dot, [[a * b for b in [1, 2]] for a in [3, 4]])
m[0].append(99)
print(m, len(m[0]), len(m[1]))

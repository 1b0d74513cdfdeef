# Lists and tuples of small ints are packed as runs of equal deltas in a
# snapshot: every shape must come back as it was.
zeros = [0] * 1000
steps = [i * 3 - 50 for i in range(100)]
mixed = [5, 5, 5, 7, 9, 11, 2, 2, -3, -3, -3, -3, 0, 140737488355327, -140737488355328, 1, 1]
runs = [k // 33 for k in range(200)]
single = [42]
tup = tuple(range(0, 70, 7)) + (1, 1, 1)
edges = (140737488355327, 140737488355327, -140737488355328, -140737488355328, 0)
nested = [[1, 1, 1], (2, 4, 6, 8), [], ()]
nid = id(__name__)
x = fetch(1)
print(x, len(zeros), sum(zeros), zeros[:3], zeros[-1])
print(steps[:5], steps[-3:], sum(steps))
print(mixed)
print(runs[30:36], runs[-1], sum(runs))
print(single, tup, edges, nested)
zeros[500] = 1
steps.append(7)
y = fetch(2)
print(y, sum(zeros), zeros.index(1), steps[-2:], id(__name__) == nid, __name__, __doc__)
print(sorted(k for k in globals() if k.startswith('__')))

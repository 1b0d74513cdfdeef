log = []
def noisy(x):
    log.append(x)
    return x
g = (noisy(x) for x in range(5))
print(log)
print(next(g), log)
print(any(v > 1 for v in g), log)
print(list(g), log)
h = (x for x in [1, 2, 3])
print(list(h), list(h))
data = [1, 2, 3]
g2 = (x * 2 for x in data)
data.append(4)
print(list(g2))
try:
    next(iter([]))
except StopIteration as e:
    print("StopIteration", repr(e))

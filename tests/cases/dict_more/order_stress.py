# Insertion order through many deletions, re-insertions and growth.
d = {}
n = 0
for i in range(3000):
    k = (i * 37) % 997
    if k in d and i % 3 == 0:
        del d[k]
    else:
        d[k] = i
    n += len(d)
print(n, len(d), list(d)[:20], list(d)[-20:])
keys = ["k%d" % (i % 211) for i in range(2000)]
c = {}
for w in keys:
    c[w] = c.get(w, 0) + 1
print(len(c), list(c.items())[:8], sum(c.values()))
for w in list(c)[::2]:
    del c[w]
for w in ["k5", "new", "k0", "k1"]:
    c[w] = -1
print(len(c), list(c)[:6], list(c)[-6:])
q = {}
for i in range(500):
    q[i] = i
    if i >= 10:
        del q[i - 10]
print(q)

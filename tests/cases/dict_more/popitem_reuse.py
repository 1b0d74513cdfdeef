# popitem then inserts: a lookup must still terminate (slots of popped items
# stay dummies), and LIFO order holds across the reuse.
d = {0: 0, 1: 1, 2: 2, 3: 3, 4: 4}
for _ in range(5):
    print(d.popitem(), end=" ")
print()
d[5] = 5
d[6] = 6
d[7] = 7
print(8 in d, 5 in d, d.get(9), d)
for round_ in range(30):
    for i in range(7):
        d[round_ * 100 + i] = i
    for i in range(6):
        d.popitem()
    print(round_ * 100 + 99 in d, len(d), end="; ")
print()
print(d)
e = dict.fromkeys(range(20000))
n = 0
while e:
    k, v = e.popitem()
    n += k
print(n, len(e))
f = {}
for i in range(1000):
    f[i] = i
    f.popitem()
    f[-i] = i
print(len(f), 5 in f, -5 in f, list(f)[:5])

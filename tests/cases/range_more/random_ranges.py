seed = 3
def rnd(n):
    global seed
    seed = (seed * 1103515245 + 12345) % 2**31
    return seed % n
def val():
    k = rnd(6)
    if k == 0:
        return rnd(2**20) * 2**40 - 2**59
    if k == 1:
        return 2**47 - 3 + rnd(6)
    if k == 2:
        return -2**47 - 3 + rnd(6)
    return rnd(41) - 20
out = []
for trial in range(1500):
    a, b = val(), val()
    c = val() or 1
    if rnd(3) == 0:
        c = rnd(7) - 3 or 2
    r = range(a, b, c)
    n = len(r)
    parts = [repr(r), n, bool(r)]
    if n:
        parts += [r[0], r[-1], r[n // 2], r[-(n // 3) - 1]]
        if n < 50:
            parts.append(list(r) == list(reversed(r))[::-1])
        else:
            it = reversed(r)
            parts.append([next(it), next(it)] if n > 1 else next(it))
    x = val()
    parts += [x in r, r.count(x)]
    if x in r:
        parts.append(r.index(x))
    s = slice(None if rnd(4) == 0 else val(), None if rnd(4) == 0 else val(), None if rnd(3) == 0 else (val() or -1))
    rs = r[s]
    parts += [repr(rs), len(rs), rs == range(0), hash(rs) == hash(range(rs.start, rs.stop, rs.step))]
    parts.append(s.indices(n))
    if n < 30:
        parts.append(list(rs) == list(r)[s])
    out.append(str(parts))
h = 0
for line in out:
    for ch in line:
        h = (h * 131 + ord(ch)) % (2**61 - 1)
print(out[:3])
print(h)

# Hundreds of set operations driven by a fixed pseudo-random sequence; every
# intermediate result is printed (contents and iteration order).
seed = 2024


def rnd(n):
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return (seed >> 8) % n


def key(kind):
    if kind == 0:
        return rnd(300) - 40
    if kind == 1:
        return rnd(64) * 8 if rnd(2) else rnd(1 << 30) * 1024
    return "abcdefgh"[rnd(8)] + "xyz"[rnd(3)] * rnd(3)


for round_ in range(40):
    kind = round_ % 3
    sets = [set([key(kind) for _ in range(rnd(20))]) for _ in range(3)]
    out = []
    for step in range(12):
        a = sets[rnd(3)]
        b = sets[rnd(3)]
        op = rnd(16)
        if op == 0:
            a.add(key(kind))
        elif op == 1:
            a.discard(key(kind))
        elif op == 2 and a:
            out.append(a.pop())
        elif op == 3:
            sets[rnd(3)] = a | b
        elif op == 4:
            sets[rnd(3)] = a & b
        elif op == 5:
            sets[rnd(3)] = a - b
        elif op == 6:
            sets[rnd(3)] = a ^ b
        elif op == 7:
            a |= b
        elif op == 8:
            a &= b
        elif op == 9:
            a -= b
        elif op == 10:
            a ^= b
        elif op == 11:
            sets[rnd(3)] = a.copy()
        elif op == 12:
            a.update([key(kind) for _ in range(rnd(10))])
        elif op == 13:
            a.difference_update([key(kind) for _ in range(rnd(10))])
        elif op == 14:
            sets[rnd(3)] = a.intersection([key(kind) for _ in range(rnd(30))])
        else:
            sets[rnd(3)] = set(dict.fromkeys(a))
        out.append(sorted(a, key=str) == sorted(set(a), key=str))
    print(round_, sets, out)

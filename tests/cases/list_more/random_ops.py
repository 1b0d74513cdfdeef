# Deterministic random operations on lists, printed as a trace digest.
seed = 7
def rnd(n):
    global seed
    seed = (seed * 1103515245 + 12345) % 2**31
    return seed % n

def rand_index(n):
    return rnd(2 * n + 5) - n - 2

def rand_slice(n):
    def part():
        return None if rnd(4) == 0 else rand_index(n)
    step = None if rnd(3) == 0 else rnd(7) - 3
    return slice(part(), part(), step)

def text_digest(s):
    h = 0
    for ch in s:
        h = (h * 131 + ord(ch)) % 1000003
    return h

digest = 0
lines = []
for trial in range(400):
    l = [rnd(20) for _ in range(rnd(12))]
    for op in range(6):
        k = rnd(12)
        n = len(l)
        try:
            if k == 0:
                r = l[rand_index(n)]
            elif k == 1:
                r = l[rand_slice(n)]
            elif k == 2:
                l[rand_slice(n)] = [rnd(5) for _ in range(rnd(5))]
                r = None
            elif k == 3:
                del l[rand_slice(n)]
                r = None
            elif k == 4:
                r = l.pop(rand_index(n)) if rnd(2) else l.pop()
            elif k == 5:
                l.insert(rand_index(n), rnd(9))
                r = None
            elif k == 6:
                r = l.index(rnd(20), rand_index(n), rand_index(n))
            elif k == 7:
                l.remove(rnd(20))
                r = None
            elif k == 8:
                l.sort(reverse=rnd(2) == 1, key=None if rnd(2) else (lambda x: x % 3))
                r = None
            elif k == 9:
                r = (l * rnd(3))[rand_slice(n * 2)]
            elif k == 10:
                l[rand_index(n)] = -1
                r = None
            else:
                l.reverse()
                l += l[:rnd(3)]
                r = l.count(rnd(20))
        except (IndexError, ValueError) as e:
            r = type(e).__name__ + str(e)
        digest = (digest * 31 + text_digest(str(r)) + text_digest(str(l))) % 2**61
        if trial < 5:
            lines.append(str((k, r, l)))
print("\n".join(lines))
print(digest)

class C:
    def f(self): pass
c = C()
print(hash(c.f) == hash(c.f), c.f == c.f, len({c.f, c.f}), len({c.f, C().f}))
l = [1]
print(hash(l.append) == hash(l.append), len({l.append, l.append, l.pop}), {c.f: 1}[c.f])
print(hash(str.upper) == hash(str.upper), len({str.upper, str.lower, dict.fromkeys}), hash(int.from_bytes) == hash(int.from_bytes))

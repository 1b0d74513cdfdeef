LOG = """\
2024-01-01 INFO start service=api
2024-01-01 WARN slow request ms=900 path=/users
2024-01-02 ERROR db timeout ms=3000 path=/orders
2024-01-02 INFO request ms=120 path=/users
# comment line
2024-01-03 ERROR crash path=/orders
2024-01-03 INFO request ms=80 path=/items
"""
def lines(text):
    for ln in text.splitlines():
        yield ln
def non_comments(src):
    for ln in src:
        if ln and not ln.startswith("#"):
            yield ln
def parse(src):
    for ln in src:
        date, level, *rest = ln.split()
        fields = {}
        words = []
        for tok in rest:
            if "=" in tok:
                k, v = tok.split("=", 1)
                fields[k] = int(v) if v.isdigit() else v
            else:
                words.append(tok)
        yield {"date": date, "level": level, "msg": " ".join(words), **fields}
def where(src, **conds):
    for rec in src:
        if all(rec.get(k) == v for k, v in conds.items()):
            yield rec
def pluck(src, key, default=None):
    for rec in src:
        yield rec.get(key, default)
def batched(src, n):
    batch = []
    for item in src:
        batch.append(item)
        if len(batch) == n:
            yield batch
            batch = []
    if batch:
        yield batch
records = list(parse(non_comments(lines(LOG))))
print(len(records))
for r in records:
    print(r)
print(list(pluck(where(records, level="ERROR"), "path")))
print(sum(pluck(records, "ms", 0)))
print(list(batched(pluck(records, "level"), 4)))
print(list(batched(range(7), 3)), list(batched([], 2)))
def running_max(src):
    best = None
    for x in src:
        if best is None or x > best:
            best = x
        yield best
print(list(running_max(pluck(records, "ms", 0))))
def tee_like(src, n):
    buf = list(src)
    return [iter(buf) for _ in range(n)]
a, b = tee_like(pluck(records, "date"), 2)
print(list(a)[:2], len(list(b)))
stages = [non_comments, parse, lambda s: where(s, path="/users"), lambda s: pluck(s, "ms")]
stream = lines(LOG)
for st in stages:
    stream = st(stream)
print(list(stream))
def take(n, it):
    for i, v in enumerate(it):
        if i >= n:
            return
        yield v
def naturals():
    n = 0
    while True:
        yield n
        n += 1
def mapped(f, it):
    for v in it:
        yield f(v)
def filtered(p, it):
    for v in it:
        if p(v):
            yield v
print(list(take(5, filtered(lambda v: v % 3 == 0, mapped(lambda v: v * v, naturals())))))

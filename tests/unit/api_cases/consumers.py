# built-ins consuming a generator that calls tools: the run pauses inside
items = [1, 2, 3]
print(sum(fetch(x) for x in items))
print(list(fetch(x) for x in items), tuple(fetch(x) for x in (4,)))
print(", ".join(fetch(w) for w in ["a", "b"]))
print(max(fetch(x) for x in items), min(fetch(x) for x in items))
print(any(fetch(x) > 15 for x in items), all(fetch(x) > 15 for x in items))
print(sorted(fetch(x) for x in [3, 1, 2]), set(fetch(x) for x in [1, 1]))
def lookups(keys):
    for k in keys:
        yield k, fetch(k)
print(dict(list(lookups([5, 6]))))
try:
    sum(boom("bad") for _ in range(2))
except ValueError as e:
    print("caught", e)

data = [3, 1, 3, 2, 1, 5, 2, 8, 5]
print(set(data), sorted(set(data)), len(set(data)))
seen = set()
uniq = []
for x in data:
    if x not in seen:
        seen.add(x)
        uniq.append(x)
print(uniq, seen)
print(list(dict.fromkeys(data)))
print({x * x for x in range(-5, 6)}, {c for c in "mississippi"} == set("misp"))
pairs = {(a, b) for a in range(3) for b in range(3) if a < b}
print(sorted(pairs), len(pairs))
a = set(range(10))
evens = {x for x in a if x % 2 == 0}
print(evens, a - evens, evens < a)

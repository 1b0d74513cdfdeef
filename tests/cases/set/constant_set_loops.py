# A loop over a set display of constants iterates CPython's frozenset constant,
# whose order can differ from the same display printed or stored.
for v in {100, 200, 300, 400, 500}:
    print(v, end=" ")
print()
print([v for v in {100, 200, 300, 400, 500}])
print({100, 200, 300, 400, 500})
s = {100, 200, 300, 400, 500}
print(list(s), 300 in {100, 200, 300, 400, 500})
for w in {"apple", "banana", "cherry"}: print(w, end=" ")
print()
print(list({"apple", "banana", "cherry"}))
print(frozenset({100, 200, 300, 400, 500}))
x = 5
for v in {x, 100, 200}: print(v, end=" ")
print()
for v in {7}: print(v)
print([w for w in {"apple", "banana", "cherry", "date", "elder"}])
print(list(x * 2 for x in {300, 100, 200, 400}))
print({k: 1 for k in {64, 32, 16, 8, 96}})
print([a + b for a in {1, 2} for b in {40, 8, 16, 24}])
print(sorted({3, 1, 2}))
for t in {(1, 2), (3, 4), (5, 6)}: print(t, end=" ")
print()
for f in {1.5, 2.5, -0.5, 1e10}: print(f, end=" ")
print()
for m in {1, "a", 2.5, (1,), True}: print(m, end=" ")
print()

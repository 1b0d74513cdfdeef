data = [3, 8, 1, 12, 7]
if (n := len(data)) > 3:
    print("long list", n)
results = [y for x in data if (y := x * 2) > 10]
print(results, y)
i = 0
while (i := i + 1) < 5:
    print("loop", i)
print("final", i)
vals = []
while (chunk := data[len(vals) * 2: len(vals) * 2 + 2]):
    vals.append(chunk)
print(vals)
print([last := v for v in range(3)], last)
def f():
    if (m := max(data)) > 10:
        return m
    return None
print(f(), (z := 5) + z)
total = 0
print([total := total + v for v in data], total)
print(any((hit := v) > 10 for v in data), hit)

fib = [0, 1]
while len(fib) < 15:
    fib.append(fib[-1] + fib[-2])
print(fib)
n, steps = 6171, 0
path = [n]
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps += 1
    if steps <= 10:
        path.append(n)
print(steps, path, max(path))
i = j = 0
pairs = []
a, b = [1, 3, 5, 7], [2, 3, 6, 7, 8]
while i < len(a) and j < len(b):
    if a[i] == b[j]:
        pairs.append(a[i]); i += 1; j += 1
    elif a[i] < b[j]:
        i += 1
    else:
        j += 1
print("common:", pairs)
total = 0
for x in range(1, 50):
    if x % 7 == 0:
        continue
    if total > 300:
        break
    total += x
else:
    print("never")
print(total, x)

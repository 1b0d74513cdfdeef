total = 0
for i in range(1, 11):
    total += i * i
print(total)
for i in range(10, 0, -2):
    print(i, end=" ")
print()
for i in range(3):
    for j in range(i, 3):
        print((i, j), end=" ")
print()
r = range(5)
it = iter(r)
print(next(it), next(it), list(it), list(it))
print(list(zip(range(3), range(10, 13), "abc")), list(enumerate(range(5, 8), start=1)))
print([i for i in range(20) if i % 3 == 0 and i % 2 == 1], list(map(lambda x: x * 2, range(4))))
n = 0
for _ in range(0):
    n += 1
print(n, list(range(-1)), list(range(3, 3)))

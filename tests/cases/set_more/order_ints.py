# Iteration order of int sets (CPython's table layout), built at run time.
print(set([5, 3, 1, 4, 2]), set([100, 10, 1, 1000]), set([-1, -2, 0, 1]))
print(set([33, 1, 65, 97, 129]), set([129, 97, 65, 33, 1]), set([8, 16, 24, 32, 0]))
print(set(range(20, 0, -1)), set(range(-10, 10, 3)), set(range(0, 300, 37)))
print(set([2**40, 1, 2**33, 7]), set([-5, 5, -10, 10]), set([2**46, -(2**46), 2**45 + 1]))
print(set([x * 8 for x in range(12)]), set([x * 32 for x in range(9)]), set([x * 1024 for x in range(-4, 5)]))
print({x % 17 for x in range(0, 200, 7)}, {x * x for x in range(-6, 7)}, {x ** 3 % 1000 for x in range(30)})
seed = 12345
for n in [3, 4, 5, 6, 9, 10, 17, 20, 33, 40, 70]:
    items = []
    for _ in range(n):
        seed = (seed * 1103515245 + 12345) % 2147483648
        items.append(seed % 500 - 100)
    print(n, set(items))
seed = 99
for n in [5, 8, 12, 25]:
    items = []
    for _ in range(n):
        seed = (seed * 6364136223846793005 + 1442695040888963407) % 2**64
        items.append(seed >> 20)
    print(n, set(items))
print(set([-1]), set([-2, -1]), set([-3, -2, -1, 0, 1, 2]))
print(set(range(1000)) == set(range(999, -1, -1)), list(set(range(1000)))[:10], list(set(range(100, 0, -1)))[:10])

print(sum(range(101)), sum(range(10**6, 10**6 + 100)), sum([10**20] * 10))
p = 1
for i in range(1, 26):
    p *= i
print(p)
print(sum(i * i for i in range(1000)), sum(i ** 3 for i in range(100)) == sum(range(100)) ** 2)
print(sum([1, 2, 3], 10), sum([], 5), sum([[1], [2]], []))
acc = 0
for i in range(1, 200):
    acc = (acc * 31 + i) % 1000000007
print(acc)

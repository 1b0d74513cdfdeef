total = 0
for i in range(3):
    total += fetch(i)
n = 0
while n < 2:
    print("while", fetch(n, scale=2))
    n += 1
print(total, [fetch(x) for x in "ab"], {k: fetch(k) for k in (1, 2)})
print(sum([fetch(x) for x in range(4)]))

f = 1
for i in range(2, 101):
    f *= i
print(f)
print(len(str(f)), sum(int(c) for c in str(f)))
print(f % (10**9 + 7))
n = 0
while f % 10 == 0:
    f //= 10
    n += 1
print("trailing zeros", n)

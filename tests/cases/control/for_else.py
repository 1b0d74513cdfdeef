def find(lst, target):
    for i, v in enumerate(lst):
        if v == target:
            print("found at", i)
            break
    else:
        print("not found")
find([1, 2, 3], 2)
find([1, 2, 3], 9)
find([], 1)
for n in range(2, 20):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print(n, "is prime")
for x in range(3):
    if x == 1:
        continue
    print("x", x)
else:
    print("loop completed")
for a in range(3):
    for b in range(3):
        if b == 2:
            break
        print(a, b)
    else:
        print("inner else")

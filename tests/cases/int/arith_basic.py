vals = [0, 1, -1, 2, -2, 7, -7, 10, 13, -13, 100]
for a in vals:
    print(a, [a + b for b in vals])
    print(a, [a - b for b in vals])
    print(a, [a * b for b in vals])

vals = [7, -7, 3, -3, 1, -1, 10, -10, 0]
for a in vals:
    row = []
    for b in vals:
        if b == 0:
            continue
        row.append((a // b, a % b))
    print(a, row)
print(divmod(7, 2), divmod(-7, 2), divmod(7, -2), divmod(-7, -2))
print(-1 // 10, -1 % 10, 1 // -10, 1 % -10)
print(10**20 // 3, 10**20 % 3, -(10**20) // 7, -(10**20) % 7)

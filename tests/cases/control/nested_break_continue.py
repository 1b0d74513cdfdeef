found = None
for i in range(5):
    for j in range(5):
        if i * j == 6:
            found = (i, j)
            break
    if found:
        break
print(found)
out = []
for i in range(4):
    if i == 1:
        continue
    j = 0
    while j < 4:
        j += 1
        if j == 2:
            continue
        if j == 4:
            break
        out.append((i, j))
print(out)
count = 0
for x in range(100):
    if x % 2:
        continue
    if x > 20:
        break
    count += 1
print(count)

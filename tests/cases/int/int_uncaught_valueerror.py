vals = ["1", "2", "three"]
total = 0
for v in vals:
    total += int(v)
    print(total)

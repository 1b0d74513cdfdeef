s = list(range(8))
for start in [None, -9, -3, 0, 3, 8, 9]:
    for stop in [None, -9, -3, 0, 3, 8, 9]:
        print(start, stop, [s[start:stop:step] for step in [None, 1, 2, -1, -3]])

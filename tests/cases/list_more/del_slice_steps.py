# del with stepped slices, both directions, every start/stop form
for n in range(0, 6):
    for start in (None, -7, -3, -1, 0, 1, 3, 7):
        for stop in (None, -7, -3, -1, 0, 1, 3, 7):
            for step in (None, -3, -2, -1, 1, 2, 3):
                l = list(range(n))
                del l[start:stop:step]
                print(n, start, stop, step, l)

data = [1, 5, 2, 8, 3]
print([s for x in data if (s := x * x) > 10], s)
running = 0
print([running := running + x for x in data], running)
print([(y, y * 2) for x in data if (y := x + 1) % 2 == 0])

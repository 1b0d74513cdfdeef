print(list(range(0, 10, 2)))
step = 0
print(list(range(0, 10, step)))

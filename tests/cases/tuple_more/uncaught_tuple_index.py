point = (3, 4)
print(point[1])
print(point[2])

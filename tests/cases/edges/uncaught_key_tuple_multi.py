d = {}
d[1, 2] = "pair"
print(d)
print(d[3, 4])

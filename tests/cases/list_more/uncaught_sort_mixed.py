data = [3, "x", 1]
data.sort()

ratio = 3.0
print(ratio / 0.0)

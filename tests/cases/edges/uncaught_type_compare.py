items = [3, "10", 7]
print(max(items))

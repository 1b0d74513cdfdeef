日本 = 1
print(日本)

data = ["3", "4", "five"]
print(sum(int(x) for x in data))

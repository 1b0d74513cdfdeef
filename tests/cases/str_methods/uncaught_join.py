nums = [1, 2, 3]
print("start")
print(", ".join(nums))

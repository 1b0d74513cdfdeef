def inverses(nums):
    return [1 / n for n in nums]
print(inverses([1, 2]))
print(inverses([1, 0, 2]))

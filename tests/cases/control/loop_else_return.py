def first_negative(nums):
    for n in nums:
        if n < 0:
            return n
    else:
        return "none"
print(first_negative([1, -2, -3]), first_negative([1, 2]), first_negative([]))
def search(grid, target):
    for r, row in enumerate(grid):
        for c, v in enumerate(row):
            if v == target:
                return r, c
    return None
g = [[1, 2], [3, 4], [5, 6]]
print(search(g, 4), search(g, 7))

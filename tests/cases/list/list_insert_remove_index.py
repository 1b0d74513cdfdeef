q = []
for i, x in enumerate("hello"):
    q.insert(i // 2, x)
    print(q)
while "l" in q:
    q.remove("l")
print(q, q.index("o") if "o" in q else -1)
nums = list(range(10))
print(nums.pop(3), nums.pop(-3), nums.pop(), nums)
nums.insert(-1, "ins")
nums.insert(0, "first")
print(nums, nums.index("ins"), nums.count(5))

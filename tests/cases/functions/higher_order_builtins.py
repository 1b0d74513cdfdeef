nums = [3, 8, 1, 9, 4]
print(list(map(str, nums)), list(map(pow, [2, 3], [3, 2])), list(map(lambda a, b: a - b, nums, nums[1:])))
print(list(filter(lambda n: n > 3, nums)), list(filter(str.isalpha, ["a", "1", "b2", "c"])))
print(sorted(nums, key=lambda n: (n % 3, n)), max(nums, key=lambda n: -n), min(["bb", "a", "ccc"], key=len))
print(sum(map(lambda n: n * n, nums)), any(map(lambda n: n > 8, nums)), all(map(bool, nums)))
print(list(zip(*[(1, "a"), (2, "b")])), dict(map(lambda kv: (kv[1], kv[0]), {"x": 1}.items())))
def compose(*fs):
    def h(x):
        for f in reversed(fs):
            x = f(x)
        return x
    return h
print(compose(str, abs, lambda x: x - 10)(3))

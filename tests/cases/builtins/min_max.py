print(min(3, 1, 2), max(3, 1, 2), min([4, 2, 8]), max("hello"), min("b", "a"), max([1, 2], [1, 3]), min((2, "x"), (1, "y")))
print(min([], default=None), max([], default="none"), max([5], default=0), min((), default=-1))
print(max(["apple", "fig", "banana"], key=len), min(["apple", "fig", "banana"], key=len), max([-5, 3, -7], key=abs), min({"a": 3, "b": 1}, key=lambda k: {"a": 3, "b": 1}[k]))
print(max([1, 3, 3, 2], key=lambda x: x), max([(1, "first"), (1, "second")], key=lambda t: t[0]), min([(1, "first"), (1, "second")], key=lambda t: t[0]))
print(max(1, 2.5, True), min(0, False), max(False, 0), min(-0.0, 0), max(0, -0.0))
for args, kw in [((), {}), (([],), {}), ((1,), {}), ((1, 2), {"default": 0}), (([1, "a"],), {}), ((5,), {"key": abs})]:
    try:
        print(max(*args, **kw))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    min([])
except ValueError as e:
    print("ValueError", e)

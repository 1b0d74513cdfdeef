print([1, "a", 2.5, None, True, [1], (1,), {"k": "v"}, {1}, b"b", "it's", 'say "x"'])
print(repr([[], [[]], [[], []]]), str([1, [2, [3]]]))
x = [1, 2]
x.append(x)
print(x, [x, x] if False else "")
print(["\n", "\t", "\\", "é", "\x00"])
print([1.0, 1e20, 1e-5, float("inf"), -0.0])
print([range(3), slice(1), ..., int, ValueError])
print(str(["a"]), repr(["a"]), f"{['a']}", "%s" % ["a"])

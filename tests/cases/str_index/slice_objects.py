s = "abcdefghij"
sl = slice(2, 8, 2)
print(s[sl], sl, sl.start, sl.stop, sl.step)
print(s[slice(3)], s[slice(None, None, -1)], s[slice(-3, None)])
print(slice(1, 10, 3).indices(5), slice(None, None, -1).indices(4), slice(-100, 100).indices(7))
print(slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 3))
print([1, 2, 3, 4, 5][slice(1, None, 2)], (1, 2, 3)[slice(None, 2)])
try:
    s[slice(0, 5, 0)]
except ValueError as e:
    print("ValueError", e)

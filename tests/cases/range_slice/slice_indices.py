for s in [slice(None), slice(2), slice(-2, None), slice(None, None, -1), slice(1, 100, 5), slice(-100, -1), slice(5, 1, -2), slice(None, -3, -1)]:
    for n in [0, 1, 5, 10]:
        print(s, n, s.indices(n), len(range(*s.indices(n))))
try:
    slice(None, None, 0).indices(5)
except ValueError as e:
    print("ValueError", e)
try:
    slice(1, 2).indices(-1)
except ValueError as e:
    print("ValueError", e)
print(slice(1, 2, 3) == slice(1, 2, 3), slice(1) == slice(None, 1), repr(slice("a", [1], None)))

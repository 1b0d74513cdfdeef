for args in [(5,), (0,), (-3,), (2, 8), (8, 2), (0, 10, 3), (10, 0, -3), (0, 10, -1), (-5, 5, 2), (5, -5, -2)]:
    r = range(*args)
    print(args, r, list(r), len(r), bool(r))
r = range(0, 20, 3)
print(r[0], r[-1], r[2], r[1:4], r[::-1], r[::2], list(r[::-2]), r[10:], r.start, r.stop, r.step)
print(9 in r, 10 in r, -3 in r, r.index(9), r.count(9), r.count(10))
print(range(3) == range(3), range(0) == range(5, 5), range(0, 3, 2) == range(0, 4, 2), range(1) != range(2))
print(list(range(10**20, 10**20 + 3)), len(range(0, 10**17, 7)), range(10**20)[-1])
print(sum(range(1, 101)), max(range(7)), min(range(3, 9)), sorted(range(5), reverse=True), list(reversed(range(4))))
try:
    range(0, 5, 0)
except ValueError as e:
    print("ValueError", e)
try:
    range(1.5)
except TypeError as e:
    print("TypeError", e)
try:
    range(5)[5]
except IndexError as e:
    print("IndexError", e)
try:
    range(5).index(7)
except ValueError as e:
    print("ValueError", e)
print(type(range(3)), repr(range(0, 5, 1)), str(range(-2, 2)), hash(range(3)) == hash(range(3)))
print(range(5)[True], range(2, 10, 3)[-2])

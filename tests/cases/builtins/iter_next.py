it = iter([1, 2, 3])
print(next(it), next(it), next(it), next(it, "default"), next(it, None))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", e.args, repr(e))
s = iter("ab")
print(next(s), list(s), list(s))
d = iter({"x": 1, "y": 2})
print(next(d), next(d))
print(list(iter(range(3))), list(iter((1,))), sorted(iter({3, 1})))
it2 = iter([10, 20])
print(iter(it2) is it2, list(it2))
for bad in [5, None, 1.5]:
    try:
        iter(bad)
    except TypeError as e:
        print("TypeError", e)
try:
    next([1, 2])
except TypeError as e:
    print("TypeError", e)
it3 = iter([1, 2, 3, 4, 5])
for x in it3:
    if x == 2:
        print("skipping", next(it3))
    print("x", x)

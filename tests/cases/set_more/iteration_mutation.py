# Changing a set while iterating it.
s = set([1, 2, 3])
try:
    for x in s:
        s.add(x + 10)
except RuntimeError as e:
    print("RuntimeError", e)
print(len(s))
s = set([1, 2, 3])
try:
    for x in s:
        s.discard(x)
except RuntimeError as e:
    print("RuntimeError", e)
s = set([1, 2, 3])
it = iter(s)
print(next(it))
s.add(99)
for _ in range(2):
    try:
        print(next(it))
    except RuntimeError as e:
        print("RuntimeError", e)
s = set([1, 2, 3])
for x in s:
    s.discard(x)
    s.add(x)
print(s)
it = iter(set([5]))
print(list(it), list(it))

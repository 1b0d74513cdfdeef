# Changing a dict while iterating it: CPython's RuntimeErrors, exactly when
# CPython raises them.
d = {1: 1, 2: 2}
try:
    for k in d:
        d[k + 10] = 0
except RuntimeError as e:
    print("RuntimeError", e)
print(d)
d = {1: 1, 2: 2, 3: 3}
try:
    for k in d:
        del d[k]
except RuntimeError as e:
    print("RuntimeError", e)
print(d)
d = {1: 1, 2: 2}
try:
    for k in d:
        del d[k]
        d[k + 100] = 1
except RuntimeError as e:
    print("RuntimeError", e)
print(d)
d = {"a": 1, "b": 2}
for k in d:
    d[k] = d[k] * 10
print(d)
d = {1: 1}
it = iter(d)
d[2] = 2
for _ in range(2):
    try:
        next(it)
    except RuntimeError as e:
        print("RuntimeError", e)
    except StopIteration:
        print("StopIteration")
d = {1: 1, 2: 2}
it = iter(d.items())
print(next(it))
d.pop(2)
try:
    next(it)
except RuntimeError as e:
    print("RuntimeError", e)
d = {1: 1, 2: 2, 3: 3}
r = reversed(d)
print(next(r))
d[4] = 4
try:
    next(r)
except RuntimeError as e:
    print("RuntimeError", e)
d = {1: 1}
try:
    for v in d.values():
        d.clear()
except RuntimeError as e:
    print("RuntimeError", e)
d = {i: i for i in range(5)}
it = iter(d)
next(it)
del d[3]
d[3] = 3
print(list(it))
e = {1: 1}
it = iter(e)
print(list(it), list(it))

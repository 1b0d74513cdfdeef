a, b = 1, 2
print(a, b)
a, b = b, a
print(a, b)
(x, y), z = (1, 2), 3
print(x, y, z)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "abcd"
print(init, last)
h, *mid, t = range(6)
print(h, mid, t)
p, *q = (1,)
print(p, q)
[m, n] = "xy"
print(m, n)
a, (b, *c), d = 1, (2, 3, 4), 5
print(a, b, c, d)
for i, (k, v) in enumerate({"a": 1, "b": 2}.items()):
    print(i, k, v)
for a, *b in [(1, 2, 3), (4,)]:
    print(a, b)
for bad in [(1, 2, 3), (1,), [], "abcd"]:
    try:
        u, v = bad
    except ValueError as e:
        print("ValueError", e)
try:
    a, b, *c = [1]
except ValueError as e:
    print("ValueError", e)
try:
    a, b = 5
except TypeError as e:
    print("TypeError", e)
try:
    a, b = None
except TypeError as e:
    print("TypeError", e)

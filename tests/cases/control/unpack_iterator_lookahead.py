# Unpacking an iterator takes the values and looks one further: a surplus
# is refused without draining it (an endless generator too), as in CPython.
src = iter([1, 2, 3, 4, 5])
try:
    a, b = src
except ValueError as e:
    print(e, list(src))
def count():
    n = 0
    while True:
        yield n
        n += 1
try:
    x, y = count()
except ValueError as e:
    print(e)
a, b = (i for i in range(2))
print(a, b)
try:
    a, b, c = iter("ab")
except ValueError as e:
    print(e)
k1, k2 = {"x": 1, "y": 2}
print(k1, k2)
first, *rest = iter(range(4))
print(first, rest)
for p, q in zip("ab", "cd"):
    print(p, q)
try:
    a, b = 1
except TypeError as e:
    print(e)

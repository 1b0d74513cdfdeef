# Generators nested by yield from count toward the recursion limit, as
# CPython's frames do.
def walk(n):
    yield n
    if n:
        yield from walk(n - 1)
for size in (100, 900, 990, 1200, 5000):
    try:
        print(size, sum(walk(size)))
    except RecursionError:
        print(size, "RecursionError")
def nested(n):
    if n:
        yield from nested(n - 1)
    else:
        yield "bottom"
try:
    print(list(nested(2000)))
except RecursionError as e:
    print("RecursionError", e)
print(list(nested(50)))

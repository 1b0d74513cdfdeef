xs = [1, 2, 3]
g = (x * 10 for x in xs)
xs = [100]
print(list(g))
ys = [1, 2, 3]
g2 = (y for y in ys)
ys.append(4)
print(list(g2))
factor = 2
g3 = (v * factor for v in range(3))
factor = 5
print(list(g3))
try:
    g4 = (1 for _ in undefined_name)
except NameError as e:
    print("eager first iterable:", type(e).__name__, e)
g5 = (z for _ in [1] for z in undefined_later)
undefined_later = ["bound late"]
print(list(g5))
funcs = [lambda: i for i in range(3)]
print([f() for f in funcs])
funcs2 = [lambda i=i: i for i in range(3)]
print([f() for f in funcs2])
gens = [(i * j for j in range(2)) for i in range(3)]
print([list(g) for g in gens])
x = "outer"
r = [x for x in "ab"]
print(x, r)
def f():
    n = 10
    return list(n + k for k in range(3))
print(f())
def counter():
    count = 0
    def bump():
        nonlocal count
        count += 1
        return count
    return list(bump() for _ in range(3)), count
print(counter())
matrix = [[1, 2], [3, 4]]
print(list(list(row[i] for row in matrix) for i in range(2)))

x = "outer"
lst = [x for x in range(3)]
print(lst, x)
y = 10
print([y + i for i in range(3)])
def f():
    z = 2
    return [z * i for i in range(3)], {i: z for i in range(2)}, list(z + i for i in range(2))
print(f())
funcs = [lambda: i for i in range(3)]
print([fn() for fn in funcs])
funcs2 = [lambda i=i: i for i in range(3)]
print([fn() for fn in funcs2])
n = 3
matrix = [[r * n + c for c in range(n)] for r in range(n)]
print(matrix)
try:
    print(i)
except NameError as e:
    print("NameError", e)
def g():
    data = [1, 2, 3]
    total = sum(v for v in data)
    return total, [v for v in data if v > total / 3]
print(g())

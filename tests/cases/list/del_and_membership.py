a = list(range(10))
del a[0]; print(a)
del a[-1]; print(a)
del a[2:4]; print(a)
print(3 in a, 4 in a, [1] in [[1]], None in [None], "1" in [1])
print(a.count(5), [1, 1.0, True].count(1), [[]].count([]))
b = a
del a
print(b)
try:
    print(a)
except NameError as e:
    print("NameError", e)

a = 1
b = [1, 2, 3, 4, 5]
c = {"x": 1, "y": 2}
del a
try:
    a
except NameError as e:
    print("NameError", e)
del b[0], b[-1]
print(b)
del b[:]
print(b)
del c["x"]
print(c)
x, y = 1, 2
del x, y
try:
    print(x)
except NameError as e:
    print("NameError", e)
lst = [[1, 2], [3, 4]]
del lst[0][1]
print(lst)
try:
    del undefined_thing
except NameError as e:
    print("NameError", e)
d = {"a": {"b": 1}}
del d["a"]["b"]
print(d)

a = list(range(10))
a[2:5] = ["x", "y"]; print(a)
a[::2] = "ABCDE"[:len(a[::2])]; print(a)
a[:] = [1, 2, 3]; print(a)
a[1:1] = [9, 9, 9]; print(a)
a[len(a):] = [7]; print(a)
a[-2:] = []; print(a)
del a[::2]; print(a)
b = list(range(10))
del b[1:8:3]; print(b)
b[::-1] = list(range(len(b))); print(b)
try:
    b[::2] = [1]
except ValueError as e:
    print("ValueError", e)
try:
    b[1:3] = 5
except TypeError as e:
    print("TypeError", e)
c = [1, 2, 3]
c[5:10] = [4]; print(c)
c[-10:1] = ["s"]; print(c)
c[1:3] = (x * 10 for x in range(4)); print(c)
d = [0] * 5
d[1:4] = d; print(d)

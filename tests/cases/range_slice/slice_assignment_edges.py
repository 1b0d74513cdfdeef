a = list("abcdefgh")
a[1:3] = []
print(a)
a[0:0] = ["X", "Y"]
print(a)
a[-1:] = ["END", "END2"]
print(a)
a[2:100] = ["tail"]
print(a)
a[:] = "new"
print(a)
b = list(range(10))
b[1::3] = ["a", "b", "c"]
print(b)
b[::-3] = [0, 0, 0, 0]
print(b)
try:
    b[::-3] = [1]
except ValueError as e:
    print("ValueError", e)
c = list(range(6))
del c[::-2]
print(c)
c[5:1] = ["ins"]
print(c)
d = [1, 2, 3]
d[10:] = [4]
d[-100:-99] = [0]
print(d)

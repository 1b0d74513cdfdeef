a = ["a", "b", "c", "d", "e"]
for i in range(-5, 5):
    print(i, a[i], a[i:], a[:i], a[i::-1])
a[-1] = "E"
a[-5] = "A"
print(a)
del a[-2]
print(a)
print("hello"[-1], "hello"[-5], (1, 2, 3)[-2], range(10)[-3], b"xyz"[-1])
try:
    a[-10]
except IndexError as e:
    print("IndexError", e)

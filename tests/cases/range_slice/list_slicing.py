a = list(range(10))
for step in [None, 1, 2, 3, -1, -2, -4]:
    print(step, a[::step], a[2:8:step], a[8:2:step], a[-3::step], a[:-3:step])
print(a[-100:100], a[5:5], a[7:3], a[3:-3], a[-1:], a[:-1])
print(a[slice(2, None)], a[slice(None, None, -3)])
b = a[:]
print(b is a, b == a)
t = tuple(a)
print(t[1::3], t[::-5], t[-2:-9:-2])

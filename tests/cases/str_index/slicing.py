s = "0123456789"
for a in [None, -12, -3, 0, 2, 5, 12]:
    print(a, [s[a:b] for b in [None, -12, -3, 0, 2, 5, 12]])
for step in [1, 2, 3, -1, -2, -3]:
    print(step, s[::step], s[1::step], s[:5:step], s[8:2:step], s[-2:-8:step])
print(repr(s[5:2]), repr(s[100:]), repr(s[:-100]), s[-100:100])
try:
    s[::0]
except ValueError as e:
    print("ValueError", e)

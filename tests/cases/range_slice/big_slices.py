r = range(-10**18, 10**18, 10**17)
print(len(r), r[5], r[-1], r[3:6], 0 in r, 5 in r, r.index(0))
s = range(10**30)
print(len(s) if False else s[-1], s[10**29], s[::10**29])
try:
    print(len(range(10**30)))
except OverflowError as e:
    print("OverflowError", e)
print(range(10**30)[10**29:10**29 + 3], 10**29 in range(10**30), list(range(10**30)[:3]))

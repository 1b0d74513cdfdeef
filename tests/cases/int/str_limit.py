big = 10 ** 4299
print(len(str(big)))
try:
    s = str(10 ** 5000)
    print(len(s))
except ValueError as e:
    print("ValueError", e)
try:
    int("1" * 4301)
except ValueError as e:
    print("ValueError", e)
print(len(str(int("9" * 4300))))
h = hex(10 ** 5000)
print(len(h), h[:10])
print(repr(2**14000 > 0))
try:
    print(f"{10**5000}")
except ValueError as e:
    print("ValueError", e)
try:
    print(repr(-(10 ** 4300)))
except ValueError as e:
    print("ValueError", e)
print(str(10**4300 - 1)[:5])

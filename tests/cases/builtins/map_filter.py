print(list(map(abs, [-1, 2, -3])), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])), list(map(str.upper, "ab")))
print(list(map(int, ["1", " 2 ", "-3"])), list(map(len, ["", "ab", [1]])), list(map(pow, [2, 2], [0, 10], [5, 7])))
print(list(filter(None, [0, 1, "", "s", [], [0], None])), list(filter(lambda x: x < 3, range(6))), list(filter(str.isupper, "aBcD")))
m = map(lambda x: x * 2, [1, 2, 3])
print(next(m), list(m), list(m))
f = filter(lambda x: x % 2, range(7))
print(next(f), next(f), list(f))
try:
    map(abs)
except TypeError as e:
    print("TypeError", e)
try:
    list(map(abs, ["x"]))
except TypeError as e:
    print("TypeError", e)
try:
    filter(lambda x: x, 5)
except TypeError as e:
    print("TypeError", e)

print(list(enumerate("abc")), list(enumerate("abc", 10)), list(enumerate("abc", start=-1)), list(enumerate([])))
print(list(zip()), list(zip("ab")), list(zip("abc", [1, 2])), list(zip("ab", "cd", "ef")), list(zip(range(3), range(3, 100))))
print(list(zip("ab", [1, 2], strict=True)))
try:
    list(zip("abc", [1, 2], strict=True))
except ValueError as e:
    print("ValueError", e)
try:
    list(zip("a", [1, 2], strict=True))
except ValueError as e:
    print("ValueError", e)
try:
    list(zip("ab", "ab", "a", strict=True))
except ValueError as e:
    print("ValueError", e)
try:
    zip(1)
except TypeError as e:
    print("TypeError", e)
try:
    enumerate(5)
except TypeError as e:
    print("TypeError", e)
e = enumerate("xy")
print(next(e), next(e), next(e, None))
z = zip([1, 2], "ab")
print(next(z), list(z))

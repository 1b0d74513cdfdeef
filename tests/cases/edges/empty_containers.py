print(sum([]), max([], default=None), min("", default="-"), sorted(()), list(reversed([])), any(()), all(()), len({}), "".join([]))
print([] + [], () + (), "" + "", {} | {}, set() | set(), [] * 5, list(zip()), list(enumerate([])), dict(), set(), "".split(), "".split(","))
print([][:], [][::-1], ""[5:], ()[1:2], range(0)[:], bool([[]]), bool(({},)), [[]] == [[]], [] is [])
try:
    [].pop()
except IndexError as e:
    print("IndexError", e)
try:
    max([])
except ValueError as e:
    print("ValueError", e)
try:
    "".index("")
    print("empty index ok", "".index(""), "abc".index(""), "abc".rindex(""))
except ValueError as e:
    print("ValueError", e)

print(len(""), len("abc"), len("日本"), len(b"ab"), len([1, 2]), len(()), len({1: 2}), len({1, 2, 2}), len(frozenset("ab")), len(range(0, 10, 3)), len({}.keys()), len({"a": 1}.items()))
for bad in [5, 1.5, None, True, len, iter([])]:
    try:
        len(bad)
    except TypeError as e:
        print("TypeError", e)

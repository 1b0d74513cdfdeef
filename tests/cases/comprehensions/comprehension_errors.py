try:
    [1 / x for x in [1, 0]]
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    {k: v for k, v in [(1, 2), (3,)]}
except ValueError as e:
    print("ValueError", e)
try:
    {x for x in [[1]]}
except TypeError as e:
    print("TypeError", e)
try:
    sum(int(s) for s in ["1", "x"])
except ValueError as e:
    print("ValueError", e)
try:
    [y for y in undefined_iterable]
except NameError as e:
    print("NameError", e)
try:
    list(x.upper() for x in ["a", 1])
except AttributeError as e:
    print("AttributeError", e)

# CPython's errors for update / dict() with bad pair sequences.
tests = [5, [5], [(1, 2, 3)], ["abc"], [(1,)], [[1, 2], "x"], [(1, 2), None], "ab", None, [(1, 2), (3, 4, 5)]]
for t in tests:
    for f in (dict, {}.update):
        try:
            print(f(t))
        except (TypeError, ValueError) as e:
            print(type(e).__name__, e)
try:
    {}[[1]]
except TypeError as e:
    print("TypeError", e)
try:
    {}[{}] = 1
except TypeError as e:
    print("TypeError", e)
try:
    del {}[set()]
except TypeError as e:
    print("TypeError", e)
try:
    [] in {}
except TypeError as e:
    print("TypeError", e)
try:
    {}.get([])
except TypeError as e:
    print("TypeError", e)
try:
    {[]: 1}
except TypeError as e:
    print("TypeError", e)
try:
    del {1: 1}[2]
except KeyError as e:
    print("KeyError", e)
try:
    {"a": 1}["b"]
except KeyError as e:
    print("KeyError", repr(e), e.args)

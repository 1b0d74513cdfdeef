# x *= seq when x is a container (dict, set, range, a view) is CPython's
# 'unsupported operand' error: no repeat of the right side is tried.
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
def imul(x, y):
    x *= y
    return x
for left in ({}, set(), frozenset(), range(2), {}.keys(), None, 2.5, 3, object()):
    for right in ("a", b"b", [1], (1,), bytearray(b"c")):
        t(lambda: imul(left, right))
        t(lambda: left * right)

def f(x):
    match x:
        case 0:
            return "zero"
        case n:
            return "captured %r" % (n,)
print(f(0), f(5), f("s"), f(None))
def g(x):
    match x:
        case [a, _, _]:
            return "first of three: %r" % (a,)
        case [_, *_]:
            return "non-empty other length"
        case _:
            return "fallback"
print(g([1, 2, 3]), g([9]), g([]), g("abc"))
def h(point):
    match point:
        case (0, 0):
            return "origin"
        case (0, y):
            return "on y axis at %r" % y
        case (x, 0):
            return "on x axis at %r" % x
        case (x, y):
            return "at %r,%r" % (x, y)
print([h(p) for p in [(0, 0), (0, 3), (4, 0), (1, 2), [5, 6]]])
x = "unchanged"
match 123:
    case x:
        pass
print("capture binds in enclosing scope:", x)
match [1, 2]:
    case [first, second]:
        pass
print(first, second)
match 5:
    case 6:
        leaked = "no"
    case _:
        pass
try:
    leaked
except NameError as e:
    print(type(e).__name__, e)
match {"a": 1}:
    case {"a": value} if value > 5:
        print("never")
    case _:
        print("guard failed but value bound:", value)
def wildcard_doesnt_bind():
    match 99:
        case _:
            pass
    try:
        return _
    except NameError as e:
        return "NameError: " + str(e)
print(wildcard_doesnt_bind())

def f():
    try:
        raise ValueError("first")
    except ValueError as e:
        try:
            raise TypeError("second")
        except TypeError as e2:
            return repr(e2), repr(e2.__context__), repr(e)
print(f())
def g():
    try:
        return 1 / 0
    except ZeroDivisionError:
        return "handled"
    finally:
        print("g finally")
print(g())
def h():
    try:
        raise KeyError("x")
    except KeyError as err:
        saved = err
    try:
        err
    except NameError as ne:
        print("name unbound after except:", ne)
    return saved
print(repr(h()))

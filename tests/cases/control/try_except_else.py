def attempt(v):
    try:
        r = 10 / v
    except ZeroDivisionError:
        print("div by zero")
        r = None
    except TypeError as e:
        print("type error:", e)
        r = None
    else:
        print("no exception, r =", r)
    finally:
        print("finally for", repr(v))
    return r
print(attempt(2), attempt(0), attempt("x"))
try:
    int("z")
except (ValueError, TypeError) as e:
    print("tuple catch", type(e).__name__)
try:
    [][0]
except LookupError as e:
    print("caught via base class", type(e).__name__)
try:
    {}["k"]
except IndexError:
    print("wrong")
except KeyError:
    print("right handler")
try:
    raise ValueError
except Exception as e:
    print(repr(e), e.args)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise
except ArithmeticError as e:
    print("re-raised", e)
e = "before"
try:
    raise ValueError("v")
except ValueError as e:
    pass
try:
    print(e)
except NameError as err:
    print("NameError", err)

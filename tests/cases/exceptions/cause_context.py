try:
    try:
        1 / 0
    except ZeroDivisionError as inner:
        raise ValueError("outer") from inner
except ValueError as e:
    print(repr(e), repr(e.__cause__), repr(e.__context__), e.__suppress_context__)
try:
    try:
        {}["k"]
    except KeyError:
        raise RuntimeError("during handling")
except RuntimeError as e:
    print(repr(e), e.__cause__, repr(e.__context__), e.__suppress_context__)
try:
    try:
        [][1]
    except IndexError:
        raise TypeError("suppressed") from None
except TypeError as e:
    print(repr(e), e.__cause__, repr(e.__context__), e.__suppress_context__)
try:
    raise ValueError("no ctx")
except ValueError as e:
    print(e.__cause__, e.__context__, e.__suppress_context__)
e1 = ValueError("manual")
e1.__cause__ = KeyError("set by hand")
print(repr(e1.__cause__))
def chain3():
    try:
        try:
            raise ValueError("first")
        except ValueError:
            raise KeyError("second")
    except KeyError:
        raise IndexError("third")
try:
    chain3()
except IndexError as e:
    c = e
    names = []
    while c is not None:
        names.append(f"{type(c).__name__}({c})")
        c = c.__context__
    print(" <- ".join(names))

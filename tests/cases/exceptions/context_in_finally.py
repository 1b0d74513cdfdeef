def f():
    try:
        raise ValueError("in try")
    finally:
        print("finally sees exception pending")
try:
    f()
except ValueError as e:
    print("caught", e)
def g():
    try:
        raise ValueError("original")
    finally:
        try:
            raise KeyError("inner")
        except KeyError as k:
            print("inner context:", repr(k.__context__))
try:
    g()
except ValueError as e:
    print("original still propagates:", e)

# __context__ chains that already loop: raising inside a handler must
# not walk them forever (CPython breaks the walk the same way).
e1 = ValueError(1)
e2 = ValueError(2)
e1.__context__ = e2
e2.__context__ = e1
try:
    raise e1
except ValueError:
    try:
        raise KeyError(3)
    except KeyError as k:
        print("ok", k.__context__ is e1)

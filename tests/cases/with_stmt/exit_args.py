class Inspect:
    def __enter__(self):
        return self
    def __exit__(self, exc_type, exc_value, tb):
        print("exc_type:", exc_type)
        print("exc_value:", repr(exc_value))
        print("isinstance:", exc_type is None or isinstance(exc_value, exc_type))
        print("tb is None:", tb is None)
        if exc_value is not None:
            print("args:", exc_value.args)
        return True
with Inspect():
    pass
with Inspect():
    raise ValueError("bad", 42)
with Inspect():
    raise KeyError
with Inspect():
    1 / 0
class MyErr(Exception):
    pass
with Inspect():
    raise MyErr("custom")
with Inspect():
    try:
        raise TypeError("inner")
    except TypeError as e:
        raise RuntimeError("outer") from e
class SeeCause:
    def __enter__(self):
        return self
    def __exit__(self, t, v, tb):
        print("cause:", repr(v.__cause__), "context:", repr(v.__context__))
        return True
with SeeCause():
    try:
        raise TypeError("inner")
    except TypeError as e:
        raise RuntimeError("outer") from e
class Positional:
    def __enter__(self):
        return self
    def __exit__(self, *args):
        print(len(args), args[0], args[1])
        return True
with Positional():
    raise IndexError(7)

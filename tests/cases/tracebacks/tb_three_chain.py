def a():
    raise KeyError("a failed")
def b():
    try:
        a()
    except KeyError as e:
        raise ValueError("b failed") from e
def c():
    try:
        b()
    except ValueError:
        raise RuntimeError("c failed")
c()

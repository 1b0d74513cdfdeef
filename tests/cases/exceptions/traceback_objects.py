import sys
def inner():
    raise ValueError("x")
def outer():
    inner()
try:
    outer()
except ValueError as e:
    tb = e.__traceback__
    lines = []
    while tb is not None:
        lines.append(tb.tb_lineno)
        tb = tb.tb_next
    print(lines, type(e.__traceback__).__name__)
    print(sys.exc_info()[2] is e.__traceback__)
    e2 = RuntimeError("y").with_traceback(e.__traceback__)
    print(e2.__traceback__ is e.__traceback__)
    e.__traceback__ = None
    print(e.__traceback__)
    try:
        e.__traceback__ = 5
    except TypeError as t:
        print(t)
class M:
    def __enter__(self): return self
    def __exit__(self, t, v, tb):
        print(t.__name__, tb is None, tb.tb_lineno)
        return True
with M():
    1/0
try:
    raise KeyError(1)
except KeyError as e:
    try:
        raise e.with_traceback(None)
    except KeyError as f:
        print(f.__traceback__.tb_lineno, f.__traceback__.tb_next)

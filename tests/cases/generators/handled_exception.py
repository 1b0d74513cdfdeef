# Each generator and coroutine handles its own exception (CPython keeps
# one per generator): a yield inside an except block hands the resumer its
# own back, and a generator with none of its own sees its resumer's.
import sys
def gen():
    try: raise ValueError("v")
    except ValueError:
        yield 1
        print("in gen", sys.exc_info()[0])
        yield 2
    print("after", sys.exc_info()[0])
for x in gen():
    try: raise KeyError(x)
    except KeyError as e: print(repr(e.__context__))
print(sys.exc_info())
def g():
    try: yield 1
    except ValueError: yield 2
it = g(); next(it); it.throw(ValueError("boom"))
print(sys.exc_info(), sys.exception())
def inner():
    print("inner sees", sys.exception())
    yield 1
    print("inner later sees", repr(sys.exception()))
    yield 2
try:
    raise OSError("outer")
except OSError:
    it = inner()
    next(it)
next(it)
try:
    raise TypeError("t")
except TypeError:
    next(it, None)
def reraiser():
    try:
        yield
    except Exception:
        yield
        raise
r = reraiser(); next(r); r.throw(IndexError("x"))
try:
    next(r)
except IndexError as e:
    print("reraised", repr(e), repr(e.__context__))
def ctx():
    yield
    raise RuntimeError("inside")
c = ctx(); next(c)
try:
    raise ValueError("handler")
except ValueError:
    try:
        next(c)
    except RuntimeError as e:
        print("context", repr(e.__context__))
print(list(x for x in (1, 2)), sys.exc_info())

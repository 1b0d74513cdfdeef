# Nested generators each keep their own handled exception; an exception
# thrown into a generator gets no __context__ from the thrower's handler.
import sys
def show(tag):
    print(tag, repr(sys.exception()))
def inner():
    show("inner start")
    try:
        raise KeyError("inner")
    except KeyError:
        show("inner handler")
        yield 1
        show("inner handler resumed")
    show("inner after")
    yield 2
    show("inner end")
def outer():
    try:
        raise ValueError("outer")
    except ValueError:
        it = inner()
        yield next(it)
        show("outer handler")
    show("outer after")
    yield next(it)
    try:
        raise TypeError("outer2")
    except TypeError:
        for v in it:
            yield v
    show("outer end")
try:
    raise OSError("top")
except OSError:
    g = outer()
    print(next(g))
show("top after")
print(next(g))
for v in g:
    print("v", v)
    show("loop")
def thrower():
    try:
        yield
    except ZeroDivisionError:
        show("thrower caught")
        yield
        raise
t = thrower(); next(t)
try:
    raise NameError("ctx")
except NameError:
    t.throw(ZeroDivisionError("z"))
    show("after throw")
try:
    next(t)
except ZeroDivisionError as e:
    print("got", repr(e), repr(e.__context__))
def g():
    try:
        yield
    except ZeroDivisionError as e:
        print(repr(e.__context__))
    yield
t = g(); next(t)
try:
    raise NameError("n")
except NameError:
    t.throw(ZeroDivisionError())

class Skip(Exception):
    pass
def worker():
    results = []
    i = 0
    while i < 5:
        try:
            x = yield i
            results.append(("ok", i))
        except Skip as e:
            results.append(("skipped", i, str(e)))
        i += 1
    return results
w = worker()
print(next(w))
print(w.send(None))
print(w.throw(Skip("bad item")))
print(w.throw(Skip, Skip("via value")) if False else w.throw(Skip("again")))
print(next(w))
try:
    next(w)
except StopIteration as e:
    print(e.value)
def unhandled():
    yield 1
    yield 2
u = unhandled()
next(u)
try:
    u.throw(ValueError("boom"))
except ValueError as e:
    print("propagated:", type(e).__name__, e)
print(next(u, "generator is finished"))
fresh = unhandled()
try:
    fresh.throw(KeyError("before start"))
except KeyError as e:
    print("thrown into unstarted:", e)
print(list(fresh))
def cleanup():
    try:
        yield "working"
    finally:
        print("  cleanup ran")
c = cleanup()
next(c)
try:
    c.throw(RuntimeError("stop"))
except RuntimeError as e:
    print("after cleanup:", e)
def converts():
    try:
        yield 1
    except ValueError as e:
        raise TypeError("converted from " + str(e))
cv = converts()
next(cv)
try:
    cv.throw(ValueError("v"))
except TypeError as e:
    print(type(e).__name__, e, "| context:", repr(e.__context__))
def yields_in_handler():
    while True:
        try:
            yield "normal"
        except Exception as e:
            yield "handled " + type(e).__name__
y = yields_in_handler()
print(next(y), y.throw(IndexError), next(y), y.throw(KeyError("k")), next(y))
try:
    y.throw(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    y.throw(int)
except TypeError as e:
    print(type(e).__name__, e)

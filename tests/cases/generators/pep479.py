def leaky():
    yield 1
    raise StopIteration("explicit")
try:
    print(list(leaky()))
except RuntimeError as e:
    print(type(e).__name__, e)
    print("cause:", type(e.__cause__).__name__, e.__cause__)
def next_on_empty():
    it = iter([])
    yield "before"
    yield next(it)
g = next_on_empty()
print(next(g))
try:
    next(g)
except RuntimeError as e:
    print(type(e).__name__, e, "|", repr(e.__cause__))
print(next(g, "generator finished after RuntimeError"))
def proper():
    it = iter([1, 2])
    while True:
        try:
            v = next(it)
        except StopIteration:
            return "clean return"
        yield v
print(list(proper()))
def return_value():
    yield 1
    return "the value"
try:
    g = return_value()
    next(g)
    next(g)
except StopIteration as e:
    print("StopIteration value:", e.value, e.args)
def stop_subclass():
    class MyStop(StopIteration):
        pass
    yield 1
    raise MyStop
try:
    list(stop_subclass())
except RuntimeError as e:
    print(type(e).__name__, e, type(e.__cause__).__name__)
def caught_inside():
    try:
        raise StopIteration("caught")
    except StopIteration as e:
        yield "handled: " + str(e)
print(list(caught_inside()))
def genexp_stop():
    return list(next(iter([])) if x else x for x in [0, 1])
try:
    genexp_stop()
except RuntimeError as e:
    print("genexpr:", type(e).__name__, e)
try:
    print([next(iter([])) for _ in [1]])
except StopIteration as e:
    print("list comprehension lets StopIteration through:", type(e).__name__)
def via_map():
    return list(map(lambda x: next(iter([])), [1]))
print("map stops silently:", via_map())

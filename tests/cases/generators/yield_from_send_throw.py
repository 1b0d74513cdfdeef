def sub():
    log = []
    try:
        while True:
            try:
                x = yield len(log)
                log.append(x)
            except ValueError as e:
                log.append("VE:" + str(e))
    except GeneratorExit:
        print("  sub got GeneratorExit, log =", log)
        raise
    finally:
        print("  sub finally")
def delegator():
    result = yield from sub()
    print("  never: delegator resumed with", result)
d = delegator()
print(next(d))
print(d.send("a"))
print(d.send("b"))
print(d.throw(ValueError("handled by sub")))
d.close()
print("closed")
def sub2():
    x = yield "first"
    if x == "stop":
        return "stopped early"
    yield "second"
    return "ran out"
def del2():
    r = yield from sub2()
    yield "delegate got: " + r
g = del2()
print(next(g), g.send("stop"))
g = del2()
print(next(g), g.send(None), next(g))
def raiser():
    yield 1
    raise KeyError("from sub")
def catcher():
    try:
        yield from raiser()
    except KeyError as e:
        yield "caught " + str(e)
print(list(catcher()))
def sub_unhandled():
    yield "s1"
    yield "s2"
def outer_handles():
    try:
        yield from sub_unhandled()
    except IndexError:
        yield "outer handled IndexError"
    yield "outer continues"
o = outer_handles()
print(next(o), o.throw(IndexError), next(o), next(o, "end"))
class Iter:
    def __init__(self):
        self.i = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.i += 1
        if self.i > 2:
            raise StopIteration
        return self.i
def from_plain_iterator():
    r = yield from Iter()
    yield ("ret", r)
p = from_plain_iterator()
print(next(p), next(p), next(p))
p2 = from_plain_iterator()
next(p2)
try:
    p2.send("x")
except AttributeError as e:
    print(type(e).__name__, e)
p3 = from_plain_iterator()
next(p3)
try:
    p3.throw(ValueError("into plain iterator"))
except ValueError as e:
    print(type(e).__name__, e)

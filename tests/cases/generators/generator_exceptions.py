def parse_ints(items):
    for it in items:
        try:
            yield int(it)
        except ValueError:
            yield None
print(list(parse_ints(["1", "x", "3"])))
def fails_midway():
    yield 1
    yield 2
    raise LookupError("midway")
got = []
try:
    for v in fails_midway():
        got.append(v)
except LookupError as e:
    print("got", got, "then", type(e).__name__, e)
g = fails_midway()
print(next(g), next(g))
try:
    next(g)
except LookupError as e:
    print("raised", e)
print(next(g, "generator is dead after raising"))
def gen_finally():
    try:
        yield "a"
        yield "b"
    finally:
        print("  finally in generator")
for v in gen_finally():
    print(v)
def error_in_consumer():
    g = gen_finally()
    try:
        for v in g:
            raise ValueError("consumer failed on " + v)
    except ValueError as e:
        print(e)
    g.close()
    print("closed explicitly")
error_in_consumer()
def handler_gen():
    try:
        yield 1
        1 / 0
    except ZeroDivisionError as e:
        yield "caught inside: " + str(e)
    yield "after"
print(list(handler_gen()))
def ctx_preserved():
    try:
        raise KeyError("outer")
    except KeyError:
        yield "in handler"
        raise ValueError("new")
try:
    list(ctx_preserved())
except ValueError as e:
    print(type(e).__name__, e, "| context:", repr(e.__context__))
def yield_in_except():
    try:
        raise TypeError("t")
    except TypeError as e:
        yield type(e).__name__
        yield str(e)
print(list(yield_in_except()))

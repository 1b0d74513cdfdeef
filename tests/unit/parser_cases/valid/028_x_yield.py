x = yield
y = yield from z
def g():
    yield 1
    yield
    return (yield)
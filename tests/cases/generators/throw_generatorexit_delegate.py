# throw(GeneratorExit) into a generator delegating with yield from closes
# the delegate first, as CPython.
def inner():
    try:
        yield 1
    except GeneratorExit:
        print('inner got GeneratorExit')
        raise
def outer():
    try:
        yield from inner()
    except GeneratorExit:
        print('outer got GeneratorExit')
    yield 2
g = outer(); next(g)
print(g.throw(GeneratorExit))
def inner2():
    try:
        yield 1
    finally:
        raise ValueError("from inner close")
def outer2():
    try:
        yield from inner2()
    except ValueError as e:
        print("outer2 got", e)
    yield 3
g2 = outer2(); next(g2)
print(g2.throw(GeneratorExit))
g3 = outer(); next(g3)
try:
    g3.close()
except RuntimeError as e:
    print("RuntimeError", e)
print("closed")

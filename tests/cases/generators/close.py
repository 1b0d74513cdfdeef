def resource():
    print("  acquire")
    try:
        for i in range(10):
            yield i
    finally:
        print("  release")
r = resource()
print(next(r), next(r))
print(r.close())
print(r.close())
print(next(r, "closed"))
unstarted = resource()
unstarted.close()
print("closing unstarted runs nothing")
def catches_exit():
    try:
        yield 1
    except GeneratorExit:
        print("  got GeneratorExit")
        raise
g = catches_exit()
next(g)
g.close()
def ignores_exit():
    for _ in range(2):
        try:
            yield "x"
        except GeneratorExit:
            print("  ignoring GeneratorExit")
bad = ignores_exit()
next(bad)
try:
    bad.close()
except RuntimeError as e:
    print(type(e).__name__, e)
print(next(bad, "finished after ignoring"))
def returns_on_exit():
    try:
        yield 1
    except GeneratorExit:
        return "value ignored by close in 3.11"
rg = returns_on_exit()
next(rg)
print(rg.close())
def raises_other_on_exit():
    try:
        yield 1
    except GeneratorExit:
        raise ValueError("during close")
ro = raises_other_on_exit()
next(ro)
try:
    ro.close()
except ValueError as e:
    print(type(e).__name__, e)
def exhausted():
    yield 1
ex = exhausted()
list(ex)
ex.close()
print("close after exhaustion ok")
def counter():
    n = 0
    try:
        while True:
            yield n
            n += 1
    finally:
        print("  counter closed at", n)
cn = counter()
for v in cn:
    if v == 3:
        break
cn.close()
print(issubclass(GeneratorExit, BaseException), issubclass(GeneratorExit, Exception))

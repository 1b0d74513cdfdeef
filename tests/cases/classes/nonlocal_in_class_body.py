# nonlocal in a class body binds the enclosing function's variable.
def f():
    x = "outer"
    class C:
        nonlocal x
        x = "set in class body"
        y = x
    return x, C.y, hasattr(C, "x")
print(f())
def g():
    count = 0
    class K:
        nonlocal count
        count += 1
        def method(self):
            return count
    return count, K().method()
print(g())
def h():
    v = 1
    class Q:
        print(v)
        w = v + 1
    return Q.w
print(h())
def d():
    z = 3
    class R:
        nonlocal z
        del z
    try:
        return z
    except NameError as e:
        return str(e)
print(d())

log = []
def v(tag, val):
    log.append(tag)
    return val
def f(a, b, c=None, *rest, **kw):
    return a, b, c, rest, kw
f(v("a", 1), v("b", 2), *v("star", [3, 4]), k=v("k", 5), **v("dstar", {"z": 6}))
print(log)
log.clear()
d = {v("key1", "x"): v("val1", 1), v("key2", "y"): v("val2", 2)}
print(log, d)
log.clear()
lst = [v("e1", 1), v("e2", 2)][v("idx", 0)]
print(log, lst)
log.clear()
r = v("left", 3) + v("right", 4) * v("mul", 5)
print(log, r)
log.clear()
x = v("cond", True) and v("then", "A") or v("else", "B")
print(log, x)

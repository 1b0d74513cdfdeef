# A walrus in a comprehension binds in the enclosing function, which may
# have declared the name global or nonlocal.
def f():
    global g
    print([g := i for i in range(2)])
f()
print(g)
def outer():
    n = 0
    def inner():
        nonlocal n
        return [n := n + i for i in range(4)]
    return inner(), n
print(outer())
total = 0
print([total := total + x for x in (1, 2, 3)], total)
def h():
    global cnt
    cnt = 10
    return [[cnt := cnt + j for j in range(2)] for _ in range(2)]
print(h(), cnt)

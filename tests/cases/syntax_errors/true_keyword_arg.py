def f(**k):
    return k
f(True=1)

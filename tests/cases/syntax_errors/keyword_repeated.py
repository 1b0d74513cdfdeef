def f(**kw):
    return kw
f(x=1, x=2)

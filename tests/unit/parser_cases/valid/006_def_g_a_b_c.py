def g(a, /, b, *, c):
    pass
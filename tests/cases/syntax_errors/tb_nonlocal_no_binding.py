# "no binding for nonlocal" points at the nonlocal statement, as CPython.
def outer():
    def inner():
        if True:
            nonlocal missing
    return inner

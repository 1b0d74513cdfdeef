# __debug__ is a constant: reading it gives True, binding it is refused.
print(__debug__)
def f(**kw):
    return kw
print(f(__debug__=1))

# `n += 1` on an unbound name marks the name, as CPython does.
def bump():
    counter += 1


bump()

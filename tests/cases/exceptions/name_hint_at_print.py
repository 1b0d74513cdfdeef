# NameError's "Did you mean" looks at the globals when the traceback is
# printed (CPython 3.11): a module-level `except ... as err` has unbound
# err by then, so nothing is suggested; a function's local names count.
counter = 1
try:
    print(countr)
except NameError as e:
    print(str(e), e.name)
try:
    1 / 0
except ZeroDivisionError as err:
    print(er)

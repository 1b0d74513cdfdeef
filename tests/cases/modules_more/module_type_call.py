import sys
M = type(sys)
m = M('foo'); print(m, m.__name__, m.__doc__, list(m.__dict__.keys()), M('bar', 'docs').__doc__)
m.x = 1; print(m.x, repr(M('q')), sys)
for f in (lambda: M(), lambda: M(1), lambda: M('a', 'b', 'c'), lambda: M(name='kw'), lambda: M('a', nope=1)):
    try: print(f())
    except TypeError as e: print(e)

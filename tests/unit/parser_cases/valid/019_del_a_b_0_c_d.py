del a, b[0], c.d
del (a, b), [c]
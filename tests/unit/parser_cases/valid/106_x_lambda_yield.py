x = lambda: (yield)
y = lambda *args, **kwargs: (args, kwargs)
z = lambda a, b=2, /, c=3, *, d, e=5: 0
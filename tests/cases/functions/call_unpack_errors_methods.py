class C:
    def m(self, **kw): pass
for f in (lambda: [].sort(**{'a': 1}, **{'a': 2}), lambda: C().m(**{'a': 1}, **{'a': 2}), lambda: [].sort(*1), lambda: C().m(**1), lambda: print(**[1])):
    try: f()
    except TypeError as e: print(e)

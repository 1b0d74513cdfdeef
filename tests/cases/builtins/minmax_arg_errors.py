for f in (lambda: max(nope=1), lambda: max(1, 2, nope=1), lambda: min(key=len), lambda: max([1], nope=2)):
    try: f()
    except TypeError as e: print(e)

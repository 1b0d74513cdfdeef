class I:
    def __index__(self): return 66
class S: pass
print(b'%c' % I(), b'%c%c' % (65, b'z'), b'%ld' % 5)
for f in (lambda: b'%hhd' % 5, lambda: b'%ll' % 1, lambda: b'%c' % S(), lambda: b'%c' % 300):
    try: print(f())
    except (TypeError, ValueError, OverflowError) as e: print(type(e).__name__, e)
for f in (lambda: b'%f' % 'x', lambda: b'%f' % 10**400, lambda: '%f' % 'x', lambda: b'%.2f' % 1.234):
    try: print(f())
    except (TypeError, ValueError, OverflowError) as e: print(type(e).__name__, e)

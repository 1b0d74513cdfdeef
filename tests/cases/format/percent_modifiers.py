class I:
    def __index__(self): return 7
class S: pass
print(repr('%c' % I()), '%x' % I(), '%d' % I(), '%ld' % 5, '%Lf' % 1.5)
for f in (lambda: '%hhd' % 5, lambda: '%lld' % 5, lambda: '%ll' % 1, lambda: '%d' % S(), lambda: '%x' % S(), lambda: '%c' % S(), lambda: '%c' % 2.0):
    try:
        print(f())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
for c in ' ', '\x7f', 'é', '~':
    try: ('{0!'+c+'}').format(1)
    except ValueError as e: print(repr(str(e)))

# format() specs on floats.
fvals = [0.0, -0.0, 1.5, -2.25, 3.14159265358979, 1e16, 1.234e-7, 123456789.987, 1e300, -1e-300, float('inf'), float('-inf'),
         float('nan'), 0.1, 2.5, 5e-324]
fspecs = ['', 'f', '.0f', '.1f', '.10f', 'e', '.0e', '.3E', 'g', '.1g', '.12g', 'G', '%', '.2%', 'n', '+', ' ', '+.3', ',', '_',
          ',.2f', '_.1f', '010.3f', '<10', '^12.4', '*>10', '=10', '0=12.2f', '#', '#.0f', '#g', '#.0e', 'z', 'z.1f', 'z.0f', 'd',
          'x', 'c', '.3', '.0', '15', '-', '.60f', '.30e', 'r']
def tryfmt(v, s):
    try:
        return format(v, s)
    except (ValueError, TypeError) as e:
        return type(e).__name__ + ': ' + str(e)
for v in fvals:
    print(repr(v), [tryfmt(v, s) for s in fspecs])
for v in fvals:
    print(str(v), repr(v), f"{v}", f"{v!r:>24}", '%s|%r|%.3f|%e|%g' % (v, v, v, v, v))
print(repr(1e22), repr(1e21), repr(1e16), repr(1.5e-5), repr(0.0001), repr(123456789012345678.0), str(-1e-7), 1/3, 2/3, 10/3)

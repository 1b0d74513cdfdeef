# format(), str.format, f-strings and %-formatting of complex numbers.
inf=float('inf'); nan=float('nan')
vals = [0j, 1j, -1j, complex(-0.0, 0.0), complex(-0.0, -0.0), complex(0.0, -0.0), 1+2j, -1.5-2.25j,
        complex(1e16, 1e-5), complex(1234567.891, -9876543.21), complex(nan, inf), complex(-inf, nan),
        complex(0, inf), complex(1e-320, 5e-324), complex(123456789012345678, 0.1), complex(2.5, 1e22),
        complex(-0.0, 1e100), complex(0.5, -0.0), complex(1e300, -1e-300)]
specs = ['', '>30', '<30', '^30', '*^31', '.2f', '.0f', '#.0f', 'e', '.3e', 'E', 'g', '.3g', 'G', '#g', 'n', '.4n',
         '+', ' ', '-', '+.2f', ' .1e', ',', '_', ',.2f', '_.3f', '#', '.1', '.10', 'z', 'z.1f', '+z.0f', '#z', 'F',
         '10.3', '\u00e9>25', 'x<20.1e', '.0', '#.0', ',g', '+,', ' ^40.5G', '.20f', '.17g', '2', '12', '-^20']
for v in vals:
    print(repr(v), str(v))
    out = []
    for s in specs:
        try: out.append(format(v, s))
        except Exception as e: out.append(type(e).__name__ + ': ' + str(e))
    print(' | '.join(out))
errspecs = ['010', '0>10', '=10', 'x=10', '%', 'd', 'c', 's', 'r', 'b', 'x', '.3000000000f', ',n', '_n', ',d', 'zz', '..2', '1.2.3', '=%', '=.3000000000f', '0.3000000000f']
for s in errspecs:
    try: print(s, repr(format(1+2j, s)))
    except Exception as e: print(s, type(e).__name__, e)
print('{:>12}|{:<12}|{:^12}|{!r:>12}|{!s:<10}'.format(1j, 2+3j, -1j, 4j, 5j))
print(f'{1+2j=}', f'{3j!r}', f'{(1.5+2.5j):.1f}', f'{2j:{10}.{2}}')
print('%s %r %10s %-10r|' % (1j, 2+1j, 3j, -4j))
for f in ['%d','%f','%x','%c','%e','%i','%o','%g','%5.2f', '%u', '%a', '%X', '%E', '%G', '%F']:
    try: print(f, repr(f % 1j))
    except Exception as e: print(f, type(e).__name__, e)
for f in [b'%f', b'%d', b'%s', b'%r', b'%a', b'%x', b'%c']:
    try: print(f, repr(f % 1j))
    except Exception as e: print(f, type(e).__name__, e)
print(ascii(1j), repr([1j, (1j,), {1j: -0j}]))

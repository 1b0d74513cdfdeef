# format() specs on ints, bools and big ints.
ivals = [0, 1, -1, 42, -42, 255, 123456789, -987654321, 2**47, -2**63, 10**30, True, False]
ispecs = ['', 'd', '5d', '<8', '^9', '>7', '08d', '+d', ' d', '-d', ',', '_', ',d', '_d', 'x', 'X', '#x', '#X', 'o', '#o', 'b',
          '#b', '_b', '_x', '#_x', '010x', '#010b', 'c', 'e', 'E', '.3e', 'f', '.2f', 'F', 'g', 'G', '.3g', '%', '.1%', 'n',
          '*^12,', '=+10', '0=10', 'z', '.2', 's', '+#o', ',.2f', '_.3e', '10.2%', 'z.1f', ',x', '_o']
def tryfmt(v, s):
    try:
        return format(v, s)
    except (ValueError, OverflowError, TypeError) as e:
        return type(e).__name__ + ': ' + str(e)
for v in ivals:
    print(repr(v), [tryfmt(v, s) for s in ispecs])
print(f"{1234567:,}", f"{-1234567:_}", f"{255:#06x}", f"{5:{'>'}{4}}", "{:08,}".format(1234), "{0:b}".format(10))
print(format(2**70, ',').count(','), format(-2**70, '#x'), format(10**20, '.2e'), format(2**1024, 'x')[:10])
for spec in ['e', 'f', 'g', '%']:
    try:
        format(2**1024, spec)
    except OverflowError as e:
        print("OverflowError", e)
for v in [1114111, 1114112, -1, 2**70]:
    try:
        print(repr(format(v, 'c')))
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)

# float/float and float/int arithmetic, both operand orders, with CPython's
# errors; negative bases with fractional exponents are left out (complex).
fvals = [0.0, -0.0, 1.5, -2.5, 3.0, 1e300, -1e-300, float('inf'), float('-inf'), float('nan'), 5e-324]
ivals = [0, 1, -3, 2**53 + 1, 2**1023, 2**1024, True, False]
FUNCS = {
    '+': lambda a, b: a + b,
    '-': lambda a, b: a - b,
    '*': lambda a, b: a * b,
    '/': lambda a, b: a / b,
    '//': lambda a, b: a // b,
    '%': lambda a, b: a % b,
    '**': lambda a, b: a ** b,
    '<<': lambda a, b: a << b,
    '&': lambda a, b: a & b,
}
def show(a, opb):
    op, b = opb
    if op == '**' and a < 0 and b == b and b != int(b) if b == b and abs(b) != float('inf') else False:
        return
    try:
        v = FUNCS[op](a, b)
        print(repr(a)[:20], op, repr(b)[:20], '=', type(v).__name__, repr(v))
    except Exception as e:
        print(repr(a)[:20], op, repr(b)[:20], '!', type(e).__name__, e)
for a in fvals:
    for b in fvals + ivals:
        for op in FUNCS:
            show(a, (op, b))
            show(b, (op, a))

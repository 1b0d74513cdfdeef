# Every int operator over small, boundary (2**47 is the small-int edge) and
# big values, including bools; long results are abbreviated.
vals = [0, 1, -1, 3, -7, 2**47 - 1, -2**47, 2**47, -2**47 - 1, 2**63, -2**64 - 5, 10**25, -(3**60), True, False]
FUNCS = {
    '+': lambda a, b: a + b,
    '-': lambda a, b: a - b,
    '*': lambda a, b: a * b,
    '/': lambda a, b: a / b,
    '//': lambda a, b: a // b,
    '%': lambda a, b: a % b,
    '**': lambda a, b: a ** b,
    '<<': lambda a, b: a << b,
    '>>': lambda a, b: a >> b,
    '&': lambda a, b: a & b,
    '|': lambda a, b: a | b,
    '^': lambda a, b: a ^ b,
}
def show(a, opb):
    op, b = opb
    if op in ('**', '<<') and b > 100:
        return
    try:
        v = FUNCS[op](a, b)
        s = repr(v)
        if len(s) > 40:
            s = s[:15] + '..' + str(len(s)) + '..' + s[-15:]
        print(a, op, b, '=', type(v).__name__, s)
    except Exception as e:
        print(a, op, b, '!', type(e).__name__, e)
for a in vals:
    for b in vals:
        for op in FUNCS:
            show(a, (op, b))

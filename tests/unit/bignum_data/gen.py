#!/usr/bin/env python3
"""Generates cases.txt for tests/unit/test_bignum.c from CPython 3.11.

Run from anywhere: python3 tests/unit/bignum_data/gen.py
Format: one case per line, space separated. Integers are hex without
prefix ("-1f"); floats are float.hex(); raw byte strings are runs of
"hh" or "hh*count" joined by "." ("-" for empty); "!" starts an
expected error.
"""
import math
import os
import random
import sys

sys.set_int_max_str_digits(0)
rng = random.Random(20240611)
out = []


def H(x):
    return format(x, 'x')


def F(x):
    return float.hex(x)


def B(s):
    """Bytes as runs "hh*count" (hex byte, repeat count) joined by '.'."""
    b = s.encode('utf-8', 'surrogatepass') if isinstance(s, str) else s
    runs, i = [], 0
    while i < len(b):
        j = i
        while j < len(b) and b[j] == b[i]:
            j += 1
        runs.append('%02x' % b[i] + ('*%d' % (j - i) if j - i > 1 else ''))
        i = j
    return '.'.join(runs) or '-'


def emit(*fields):
    out.append(' '.join(str(f) for f in fields))


def patterned(ndig):
    """Digits biased to the values that stress carries and qhat estimates."""
    x = 0
    for _ in range(ndig):
        d = rng.choice([0, 1, 0x7fffffff, 0x80000000, 0xffffffff, 0xfffffffe,
                        rng.getrandbits(32), rng.getrandbits(32)])
        x = (x << 32) | d
    return x


def rand_int(maxbits):
    kind = rng.random()
    bits = rng.randint(0, maxbits)
    if kind < 0.5:
        x = rng.getrandbits(bits) if bits else 0
    elif kind < 0.8:
        x = patterned(max(1, bits // 32))
    elif kind < 0.9:
        x = (1 << bits) + rng.choice([-1, 0, 1])
    else:
        x = rng.choice([0, 1, 2, 3, 7, 10, 2**31, 2**32 - 1, 2**32, 2**63 - 1, 2**63,
                        2**64 - 1, 2**64, 2**64 + 1])
    return -x if rng.random() < 0.5 else x


SPECIAL = [0, 1, -1, 2, -2, 3, -3, 7, -7, 2**31, -2**31, 2**32 - 1, -(2**32 - 1), 2**32,
           -2**32, 2**63 - 1, -2**63, 2**64 - 1, -2**64, 2**64 + 1, math.factorial(100),
           -math.factorial(100), 2**1000, -2**1000, 3**1000, 10**100, -10**100 + 1,
           2**96 - 1, -(2**96)]


def pairs(n, maxbits):
    for a in SPECIAL:
        for b in SPECIAL[:12]:
            yield a, b
    for _ in range(n):
        yield rand_int(maxbits), rand_int(maxbits)


def arith():
    for a, b in pairs(250, 600):
        emit('add', H(a), H(b), H(a + b))
        emit('sub', H(a), H(b), H(a - b))
        emit('mul', H(a), H(b), H(a * b))
        if b:
            q, r = divmod(a, b)
            emit('divmod', H(a), H(b), H(q), H(r))
        else:
            emit('divmod', H(a), H(b), '!div0', '-')
        emit('cmp', H(a), H(b), (a > b) - (a < b))
        emit('and', H(a), H(b), H(a & b))
        emit('or', H(a), H(b), H(a | b))
        emit('xor', H(a), H(b), H(a ^ b))
        emit('gcd', H(a), H(b), H(math.gcd(a, b)))
    # Karatsuba sizes, squares and unbalanced operands.
    for abits, bbits in [(1600, 1600), (3000, 1700), (5000, 5000), (9000, 1600)]:
        a = rng.getrandbits(abits) | (1 << (abits - 1))
        b = rng.getrandbits(bbits) | (1 << (bbits - 1))
        emit('mul', H(a), H(-b), H(-a * b))
        emit('mul', H(a), H(a), H(a * a))
        pa, pb = patterned(abits // 32), patterned(bbits // 32)
        emit('mul', H(pa), H(pb), H(pa * pb))
        emit('mul', H(pa), H(pa), H(pa * pa))
        if abits <= 20000:
            emit('divmod', H(a * b + 12345), H(b), H((a * b + 12345) // b), H((a * b + 12345) % b))
            emit('divmod', H(-pa), H(pb), H(-pa // pb), H(-pa % pb))
    # Division stress: divisors of all-ones / top-bit patterns.
    for _ in range(300):
        b = patterned(rng.randint(1, 8))
        if b == 0:
            b = 1
        a = b * patterned(rng.randint(1, 8)) + rng.choice([0, 1, b - 1, rng.randrange(b)])
        a, b = rng.choice([(a, b), (-a, b), (a, -b), (-a, -b)])
        q, r = divmod(a, b)
        emit('divmod', H(a), H(b), H(q), H(r))
    for _ in range(100):
        a, b = rand_int(3000), rand_int(2000)
        g = rand_int(500) or 1
        emit('gcd', H(a * g), H(b * g), H(math.gcd(a * g, b * g)))
    fa, fb = math.factorial(300), math.factorial(200) * 3**50
    emit('gcd', H(fa), H(fb), H(math.gcd(fa, fb)))
    x, y = 2**4000 - 1, 2**3000 - 1
    emit('gcd', H(x), H(y), H(math.gcd(x, y)))
    fib = [0, 1]
    while len(fib) < 3000:
        fib.append(fib[-1] + fib[-2])
    emit('gcd', H(fib[-1]), H(fib[-2]), H(1))
    emit('gcd', H(fib[-1] * 12345), H(fib[-2] * 12345), H(12345))


M64 = 2**64 - 1
PATTERN_DIGITS = [0, 1, 0x7fffffff, 0x80000000, 0xffffffff, 0xfffffffe]


def splitmix(seed):
    state = seed & M64
    while True:
        state = (state + 0x9E3779B97F4A7C15) & M64
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M64
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M64
        yield z ^ (z >> 31)


def seeded(g, nbits, pat):
    """A number of exactly nbits bits the C test rebuilds from the same
    generator: little-endian 32-bit digits, patterned or random."""
    x = 0
    for i in range((nbits + 31) // 32):
        r = next(g)
        d = r >> 32
        if pat and r % 8 < 6:
            d = PATTERN_DIGITS[r % 8]
        x |= d << (32 * i)
    return (x & ((1 << nbits) - 1)) | (1 << (nbits - 1))


def fnv(s):
    h = 0xcbf29ce484222325
    for c in s.encode():
        h = ((h ^ c) * 0x100000001b3) & M64
    return h


def big():
    """Large operands are rebuilt in C from a seed; results are checked by
    hash and bit length to keep this file small."""
    seed = 1
    sizes = [(1600, 1600), (3000, 1700), (20000, 19000), (40000, 3000), (100000, 60000),
             (65536, 65536), (200000, 1550), (70000, 2000), (332193, 332193), (5000, 4999)]
    for abits, bbits in sizes:
        for pat in (0, 1):
            g = splitmix(seed)
            a, b = seeded(g, abits, pat), seeded(g, bbits, pat)
            emit('bigmul', seed, abits, bbits, pat, hash(a * b), (a * b).bit_length())
            emit('bigsqr', seed, abits, bbits, pat, hash(a * a), (a * a).bit_length())
            if abits <= 100000:
                q, r = divmod(a * 7 + 3, b)
                emit('bigdiv', seed, abits, bbits, pat, hash(q), hash(r))
            seed += 1
    for bits in (14000, 30000, 100000):
        for base in (10, 7, 36):
            g = splitmix(seed)
            a = seeded(g, bits, 0)
            s = digits_in(a, base)
            emit('bigstr', seed, bits, base, fnv(s), len(s))
            seed += 1


def unary():
    vals = SPECIAL + [rand_int(400) for _ in range(120)]
    for a in vals:
        emit('invert', H(a), H(~a))
        emit('neg', H(a), H(-a))
        emit('abs', H(a), H(abs(a)))
        emit('bitlen', H(a), a.bit_length())
        emit('bitcount', H(a), bin(a).count('1'))
        emit('hash', H(a), hash(a))
        try:
            f = float(a)
            emit('tofloat', H(a), F(f))
        except OverflowError:
            emit('tofloat', H(a), '!overflow')
        if -2**63 <= a < 2**63:
            emit('toi64', H(a), a)
        else:
            emit('toi64', H(a), '!overflow')
        for k in [0, 1, 5, 31, 32, 33, 64, 65, 100]:
            emit('lshift', H(a), H(k), H(a << k))
            emit('rshift', H(a), H(k), H(a >> k))
    for a in vals + [10**k for k in range(40)] + [k * k + d for k in (2**32, 2**64, 10**50)
                                                    for d in (-1, 0, 1)] + [2**4000 + 12345]:
        a = abs(a)
        emit('isqrt', H(a), H(math.isqrt(a)))
    emit('rshift', H(-5), H(2**100), H(-1))
    emit('rshift', H(5), H(2**100), H(0))
    emit('rshift', H(0), H(2**100), H(0))
    emit('lshift', H(0), H(2**100), H(0))
    emit('lshift', H(1), H(-1), '!negshift')
    emit('rshift', H(0), H(-1), '!negshift')
    emit('lshift', H(1), H(2**64), '!nomem')
    for k in range(0, 200, 7):
        for a in [-(2**k), -(2**k) - 1, -(2**k) + 1, -3 * 2**k]:
            for s in [k - 1, k, k + 1, 32, 64]:
                if s >= 0:
                    emit('rshift', H(a), H(s), H(a >> s))


def hashes():
    for a in [2**61 - 2, 2**61 - 1, 2**61, 2**62, -(2**61 - 1), -(2**61), 2**122 - 1,
              (2**61 - 1) * 12345, 10**30, -10**30, 2**64 - 1, 2**4000 + 17]:
        emit('hash', H(a), hash(a))
    for _ in range(300):
        a = rand_int(3000)
        emit('hash', H(a), hash(a))
    fl = [0.0, -0.0, 0.5, -0.5, 1.0, -1.0, 1.5, 2.0**60, 2.0**61, 2.0**62, 2.0**-1,
          2.0**-61, 2.0**-62, 1e300, -1e300, 1e-300, 5e-324, -5e-324, 2.2250738585072014e-308,
          1.7976931348623157e308, 0.1, 3.141592653589793, float('inf'), float('-inf'),
          123456789.123, -2.5, 2.0**1023, 2.0**-1074]
    for _ in range(300):
        fl.append(rng.uniform(-1e6, 1e6))
        fl.append(math.ldexp(rng.random(), rng.randint(-1074, 1023)) * rng.choice([1, -1]))
    for f in fl:
        emit('hashf', F(f), hash(f))


def floats():
    cases = []
    for k in [52, 53, 54, 55, 64, 100, 1000, 1022, 1023, 1024, 1025]:
        base = 2**k
        for d in [-3, -2, -1, 0, 1, 2, 3]:
            cases.append(base + d)
        if k > 60:
            u = 2**(k - 53)  # one unit in the last place
            for m in [u // 2, u // 2 + 1, u // 2 - 1, u + u // 2, u + u // 2 - 1]:
                cases.append(base + m)
    cases += [2**1024 - 2**970, 2**1024 - 2**970 - 1, 2**1024 - 2**971,
              2**1024 - 2**971 + 2**969]
    for _ in range(200):
        cases.append(rand_int(1100))
    for a in cases:
        for s in (a, -a):
            try:
                emit('tofloat', H(s), F(float(s)))
            except OverflowError:
                emit('tofloat', H(s), '!overflow')
    fl = [0.0, -0.0, 0.9, -0.9, 1.0, 1.5, -1.5, 2.0**53, 2.0**63, -2.0**63, 2.0**64, 1e300,
          -1e300, 1.7976931348623157e308, 9.0e18, -9.0e18, 9.3e18, 123456789012.75]
    for _ in range(200):
        fl.append(math.ldexp(rng.random(), rng.randint(-10, 1024)) * rng.choice([1, -1]))
    for f in fl:
        emit('fromfloat', F(f), H(int(f)))
    cmpv = [0, 1, -1, 2**53, 2**53 + 1, 2**64, -2**64, 10**308, 2**1024, -2**1024, 3, -3,
            2**1023, 10**400]
    cmpf = [0.0, -0.0, 0.5, -0.5, 1.0, 2.0**53, 2.0**53 + 2, 2.0**64, 1e308, -1e308,
            float('inf'), float('-inf'), float('nan'), 2.5, -3.0, 3.0, 2.0**1023,
            1.7976931348623157e308]
    for a in cmpv:
        for f in cmpf:
            c = 2 if f != f else (a > f) - (a < f)
            emit('cmpf', H(a), F(f), c)
            emit('cmpf', H(-a), F(f), 2 if f != f else (-a > f) - (-a < f))


def truediv():
    cases = [(1, 3), (-1, 3), (0, -5), (0, 5), (2**1100, 2**80), (10**400, 10**100),
             (1, 2**1100), (-1, 2**1100), (10**500, 3), (2**1024, 1), (2**1024 - 2**970, 1),
             (2**1024 - 2**971, 1), (2**54 + 2, 2), (2**54 + 6, 2), (2**55 + 4, 4),
             (2**55 + 12, 4), (2**60 + 1, 2**7), (1, 2**1074), (1, 2**1075), (3, 2**1076),
             (1, 2**1076), (2**2000 + 1, 2**2000), (10**1000 + 1, 10**1000), (5, 10**400),
             (2**53 + 1, 1), (2**53 - 1, 2**53 + 1), (7, 2**60 + 3), (2**2048, 2**1025),
             (2**2048, 2**1024), (2**2048 - 1, 2**1024), (3**1000, 7**400), (1, 3 * 2**1070),
             (2**1074 * 3 + 1, 2**2148), (1, 0), (2**100, 0), (-(2**64), 2**64 + 1)]
    for _ in range(300):
        a = rand_int(1500)
        b = rand_int(1500) or 1
        cases.append((a, b))
    for _ in range(200):
        a = rand_int(120)
        b = rand_int(120) or 3
        cases.append((a, b))
    for _ in range(100):  # near the subnormal range
        b = 1 << rng.randint(1000, 1100)
        cases.append((rng.getrandbits(rng.randint(1, 60)) or 1, b + rng.choice([0, 1, -1])))
    for a, b in cases:
        try:
            emit('truediv', H(a), H(b), F(a / b))
        except OverflowError:
            emit('truediv', H(a), H(b), '!overflow')
        except ZeroDivisionError:
            emit('truediv', H(a), H(b), '!div0')


def powers():
    for a in [0, 1, -1, 2, -2, 3, -3, 10, -10, 2**32, 2**32 + 1, -(2**40) - 5, 12345678901234]:
        for e in [0, 1, 2, 3, 5, 31, 32, 63, 64, 100]:
            emit('pow', H(a), H(e), H(a**e))
    emit('pow', H(3), H(1000), H(3**1000))
    emit('pow', H(-7), H(4001), H((-7)**4001))
    emit('pow', H(2), H(1000), H(2**1000))
    emit('pow', H(-2), H(99999), H((-2)**99999))
    emit('pow', H(10), H(20000), H(10**20000))
    emit('pow', H(123456789123456789), H(777), H(123456789123456789**777))
    big = rng.getrandbits(3000)
    emit('pow', H(big), H(7), H(big**7))
    emit('pow', H(0), H(0), H(1))
    emit('pow', H(0), H(2**100), H(0))
    emit('pow', H(1), H(2**100), H(1))
    emit('pow', H(-1), H(2**100 + 1), H(-1))
    emit('powmod', H(3), H(1000), H(7**77), H(pow(3, 1000, 7**77)))
    cases = [(5, 0, -7), (0, 0, 1), (2, -1, 1), (3, -1, -7), (0, -1, 5), (2, 3, 0), (-3, 5, 7),
             (-3, 5, -7), (4, -1, 6), (3, -2, 11), (2, 10**30, 10**9 + 7), (7, -5, 2**127 - 1),
             (10**50, -1, 2**200 + 1), (-5, 3, 1), (-5, 3, -1), (0, 5, 3), (3, 0, 5)]
    for _ in range(150):
        cases.append((rand_int(600), abs(rand_int(300)) * rng.choice([1, 1, -1]),
                      rand_int(500) or 5))
    for _ in range(30):
        m = rng.getrandbits(2000) | 1
        cases.append((rng.getrandbits(2200), rng.getrandbits(200), m))
        cases.append((rng.getrandbits(2200), -rng.getrandbits(100), m))
    for a, b, m in cases:
        try:
            r = H(pow(a, b, m))
        except ValueError as e:
            r = '!modzero' if 'cannot be 0' in str(e) else '!notinv'
        emit('powmod', H(a), H(b), H(m), r)


def strings():
    vals = SPECIAL + [rand_int(1500) for _ in range(40)] + [10**k for k in range(0, 60)]
    vals += [10**k - 1 for k in range(1, 60)] + [-(10**k) for k in (9, 18, 27, 100, 999)]
    vals += [2**14000, 10**4299, 10**4300 - 1, -(10**4300 - 1), 10**4300]
    for a in vals:
        bases = [2, 3, 7, 8, 10, 16, 32, 36] if a.bit_length() < 4000 else [10, 36]
        for base in bases:
            if base == 10 and len(str(abs(a))) > 4300:
                emit('str', base, H(a), '!limit')
                continue
            emit('str', base, H(a), digits_in(a, base))
    emit('str', 10, H(10**5000), '!limit')
    emit('str', 16, H(10**5000), format(10**5000, 'x'))
    # parsing
    texts = ['0', '-0', '+0', '00', '0_0', '000_000', '010', '0_1', '1_000', '1__0', '_1', '1_',
             '+_1', '- 1', '+-1', '', ' ', '  42  ', '\t-7\n', '0x', '0x_', '0x_1', '0x__1',
             '0X1F', '0o17', '0O17', '0b101', '0B1', '0o8', '0b2', '0xg', '1e5', '1.0', '12a',
             'z', 'Z', '0_x1', '00_0', '0_', '-0x_f', '- 0x_f', '0x-1', '1\x002', '1\x00',
             '\x1c5', '5\x1f', '\u00a0-5\u2028', '\u200b5', '\x855', '5\u3000', '\u0665',
             '\uff15\uff10', '\U0001d7ce', '\u0661_\u0662', '\u0660x5', '\u0663\u00a0\u0664',
             '\uff21', '\u00b2', '\u2155', '\ud800', '99999999999999999999', '-18446744073709551616',
             '9' * 100, '1' + '0' * 200, '123456789' * 20, '0' * 50, '0' * 50 + '1',
             '1_2_3_4_5_6_7_8_9_0_1_2_3_4_5', 'ffff_ffff', 'FFFF', '0b1', '0o1', '0x1', '0b',
             '0o', '0b_', '0_b1', 'v', 'V', 'w', '10000000000000000000000000000000000000000']
    bases = [0, 2, 8, 10, 16, 36, 3, 5, 32, 33]
    sys.set_int_max_str_digits(4300)  # CPython's default, for its errors
    for t in texts:
        for base in bases:
            for flags in (1, 0):
                if flags == 0 and not t.isascii():
                    data = t.encode('utf-8', 'surrogatepass')
                else:
                    data = t
                try:
                    v = int(data, base)
                    r = H(v)
                except ValueError as e:
                    r = '!limit' if 'Exceeds' in str(e) else '!invalid'
                emit('parse', base, flags, 4300, B(data), r)
    # the digit limit, in CPython's order of checks
    lim = [('1' * 4301, 10), ('1' * 4300, 10), ('0' * 4301, 10), ('1_' * 4300 + '1', 10),
           ('1' * 4301, 16), ('0x' + '1' * 4301, 0), ('1' * 4301, 8), ('1' * 4301, 36),
           ('1' * 4301 + 'x', 10), ('x' + '1' * 4301, 10), (' ' * 10 + '1' * 4301, 10),
           ('-' + '1' * 4301, 10), ('1' * 4301 + '_', 10), ('1' * 4301 + '__1', 10),
           ('1' * 4301 + ' x', 10), ('0' * 5000, 0), ('0' * 5000 + '1', 0),
           ('_' + '1' * 4301, 10), ('1' * 4301, 0), ('0b' + '1' * 5000, 0),
           ('0o' + '1' * 5000, 0), ('1' * 4301, 32), ('1' * 4301, 4),
           ('\u0660' * 4301, 10), ('9' * 4300, 10), ('-' + '9' * 4300, 0)]
    for t, base in lim:
        try:
            v = int(t, base)
            r = H(v)
        except ValueError as e:
            msg = str(e)
            if 'Exceeds' in msg:
                r = '!limit:' + msg.split('value has ')[1].split(' ')[0]
            else:
                r = '!invalid'
        emit('parse', base, 1, 4300, B(t), r)
    sys.set_int_max_str_digits(0)
    # a raised (and a disabled) limit
    t = '7' * 5000
    emit('parse', 10, 1, 0, B(t), H(int(t)))
    emit('parse', 10, 1, 6000, B(t), H(int(t)))
    emit('parse', 10, 1, 1000, B(t), '!limit:5000')
    t = '1' + '0' * 9999
    emit('parse', 10, 1, 0, B(t), H(int(t)))


def digits_in(a, base):
    if a == 0:
        return '0'
    neg, a, ds = a < 0, abs(a), []
    while a:
        a, r = divmod(a, base)
        ds.append('0123456789abcdefghijklmnopqrstuvwxyz'[r])
    return ('-' if neg else '') + ''.join(reversed(ds))


def byteconv():
    for a in [0, 1, -1, 127, 128, -128, -129, 255, 256, -256, 2**31, -2**31, 2**63 - 1, -2**63,
              2**64 - 1, 2**64, -(2**64), 10**30, -(10**30), 2**100 - 1, -(2**100)]:
        for n in [0, 1, 2, 3, 4, 5, 8, 9, 16]:
            for little in (0, 1):
                for signed in (0, 1):
                    order = 'little' if little else 'big'
                    try:
                        r = a.to_bytes(n, order, signed=bool(signed)).hex() or '-'
                    except OverflowError:
                        r = '!overflow'
                    emit('tobytes', H(a), n, little, signed, r)
    for _ in range(200):
        n = rng.randint(0, 20)
        data = bytes(rng.getrandbits(8) for _ in range(n))
        little, signed = rng.randint(0, 1), rng.randint(0, 1)
        v = int.from_bytes(data, 'little' if little else 'big', signed=bool(signed))
        emit('frombytes', data.hex() or '-', little, signed, H(v))
    for data in [b'\x80', b'\xff', b'\x00\x80', b'\x80\x00', b'\xff\xff\xff\xff',
                 b'\x00\x00\x00\x80', b'\x00\x00\x00\x00\x80', b'\x01\x00\x00\x00\x80']:
        for little in (0, 1):
            for signed in (0, 1):
                v = int.from_bytes(data, 'little' if little else 'big', signed=bool(signed))
                emit('frombytes', data.hex(), little, signed, H(v))


def main():
    arith()
    big()
    unary()
    hashes()
    floats()
    truediv()
    powers()
    strings()
    byteconv()
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'cases.txt')
    with open(path, 'w') as f:
        f.write('\n'.join(x for x in out if x is not None) + '\n')
    print(f'{len(out)} cases -> {path}')


main()

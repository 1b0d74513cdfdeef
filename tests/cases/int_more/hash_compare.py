# Hashes of ints follow CPython (mod 2**61 - 1); equal numbers hash equal;
# comparisons are exact.
for v in [0, 1, -1, -2, 2**61 - 2, 2**61 - 1, 2**61, 2**62, -2**61, 2**64 + 7, -(2**64 + 7), 10**30, -10**30, 3**200, True, False]:
    print(v if abs(v) < 10**40 else 'big', hash(v))
print(hash(1) == hash(1.0) == hash(True), hash(2**80) == hash(float(2**80)), hash(-2**70) == hash(-float(2**70)))
print(len({1, 1.0, True, 2, 2.0, 2**70, float(2**70)}), {0: 'a', False: 'b', 0.0: 'c'})
vals = [-2**70, -2**47 - 1, -2**47, -5, -1, 0, 1, True, 5, 2**47 - 1, 2**47, 2**70]
for a in vals:
    print(a, [(a < b, a <= b, a == b, a != b, a > b, a >= b) == (b > a, b >= a, b == a, b != a, b < a, b <= a) for b in vals])
print(sorted(vals, reverse=True), max(vals), min(vals), 2**70 in vals, -2**47 in vals)
print(10**30 == 10**30, 10**30 == 10**30 + 1, [1, 2**70] == [True, 2**70], (2**70, 1) < (2**70, 2))
for a, b in [(1, "1"), ("1", 1), (2**70, None)]:
    try:
        print(a < b)
    except TypeError as e:
        print("TypeError", e)

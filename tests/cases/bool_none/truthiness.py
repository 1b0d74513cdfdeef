vals = [0, 1, -1, 0.0, -0.0, 0.1, '', ' ', '0', [], [0], (), ((),), {}, {0: 0}, set(), {0}, None, True, False, b'', b'\x00', range(0), range(1), frozenset(), float('nan')]
for v in vals:
    print(repr(v), bool(v), not v, 'T' if v else 'F')

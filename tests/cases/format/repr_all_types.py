vals = [0, -1, 10**25, 1.5, -0.0, 1e100, float("inf"), float("nan"), True, False, None, ...,
        "", "a'b", 'a"b', "a'\"b", "\n\t\\", "é", "\x00\x1f\x7f", b"", b"\x00a'", [], [1, [2]], (), (1,), (1, 2),
        {}, {"k": [1]}, set(), {1}, frozenset(), frozenset({2}), range(3), range(1, 5, 2), slice(1, None, -1),
        int, str, float, bool, list, tuple, dict, set, frozenset, bytes, type, object, range, slice, type(None),
        ValueError, KeyError("k"), ValueError("m", 2), TypeError(), Exception(""), StopIteration(5),
        len, print, abs, "".upper if False else "x"]
for v in vals:
    print(repr(v), "|", str(v), "|", ascii(v))

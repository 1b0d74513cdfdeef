s, l, t, r, b = "hello", [10, 20, 30], (1, 2), range(5, 10), b"xyz"
for seq in (s, l, t, r, b):
    out = []
    for i in range(-len(seq) - 1, len(seq) + 1):
        try:
            out.append(repr(seq[i]))
        except IndexError as e:
            out.append(f"IndexError({e})")
    print(type(seq).__name__, out)
for seq in (s, l, t, r, b):
    try:
        seq[2**70]
    except IndexError as e:
        print(type(seq).__name__, "IndexError", e)
    try:
        seq[1.0]
    except TypeError as e:
        print(type(seq).__name__, "TypeError", e)

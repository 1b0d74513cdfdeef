for fn, arg in [(int, "1e5"), (int, "0x1g"), (float, "1.2.3"), (float, "nan!"), (int, " "), (int, "١٢"), (float, "1_000"), (float, "_1")]:
    try:
        print(fn.__name__, repr(arg), fn(arg))
    except ValueError as e:
        print(fn.__name__, "ValueError", e)
for fn, arg in [(int, []), (float, {}), (int, None), (float, None), (str, None)]:
    try:
        print(fn.__name__, fn(arg))
    except TypeError as e:
        print(fn.__name__, "TypeError", e)

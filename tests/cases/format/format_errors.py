tests = [(1, "s"), (1.5, "d"), ("a", "d"), (1, "zz"), (1, ".2d" if False else ",x" if False else "q"), ([], "x"), (None, "5"), (1, "=^5s"), (1.0, "c"), (3, ".-1f" if False else "10.1s")]
for v, spec in tests:
    try:
        print(repr(format(v, spec)))
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(format([1, 2]), format(None), format((1,), ""), format({"a": 1}))
try:
    f"{1:{'>'}{'10'}}"
    print(f"{1:{'>'}{'10'}}|")
except ValueError as e:
    print("ValueError", e)

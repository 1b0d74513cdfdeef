for s in ["", "a", "hello", "longer text"]:
    print(f"[{s}]|[{s:8}]|[{s:<8}]|[{s:>8}]|[{s:^8}]|[{s:*^9}]|[{s:.3}]|[{s:8.2}]|[{s!r:>10}]")
print(f"{'é':^5}|{'日本':>6}|{'🐍':<3}|")
print(format("x", "^5"), format("abc", ".1"), format("s", ""), format("pad", "_<6"), format("pad", "_>6"))
for bad in ["d", "x", "f", "05", "+", ","]:
    try:
        print(format("s", bad))
    except ValueError as e:
        print("ValueError", e)

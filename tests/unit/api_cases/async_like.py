# plain (sync) external calls at module level inside match, ternaries, f-strings
data = {"kind": "point", "x": 1}
match data:
    case {"kind": "point", "x": x}:
        print("point", fetch(x))
print(f"{fetch(2)}-{fetch('z')}")
print(fetch(3) if fetch(0) == 0 else None)
vals = [fetch(i) for i in range(3) if fetch(i) > 0]
print(vals, *[fetch(i) for i in (4, 5)])
big = fetch(10**30)
print(big, fetch(1.5), fetch([1]), fetch(None) if False else "-")

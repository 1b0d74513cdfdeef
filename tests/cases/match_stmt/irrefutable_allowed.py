# Irrefutable patterns CPython accepts: the last case, a guarded case, the
# last alternative of the last case, and captures inside bigger patterns.
def classify(v):
    match v:
        case x if isinstance(x, str):
            return f"str {x}"
        case [a, b] | (a, b, _):
            return f"pair {a} {b}"
        case {"k": value, **rest}:
            return f"mapping {value} {rest}"
        case (1 | 2) as small:
            return f"small {small}"
        case {1: one, 1.5: frac, "1": text}:
            return f"keys {one} {frac} {text}"
        case 3 | other:
            return f"other {other}"

for v in ["s", [1, 2], (1, 2, 3), {"k": 1, "z": 2}, 1, {1: "a", 1.5: "b", "1": "c"}, 3, 4.5]:
    print(classify(v))

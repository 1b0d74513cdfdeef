def f(x):
    match x:
        case 1 | 2 | 3:
            return "small"
        case "a" | "b" as letter:
            return "letter " + letter
        case [1, (2 | 3) as second]:
            return "list with second %r" % second
        case (0, y) | (y, 0):
            return "axis with %r" % y
        case {"k": (int() | float()) as num}:
            return "numeric k %r" % num
        case [*_] as whole if len(whole) > 3:
            return "long sequence %r" % (whole,)
        case (str() as s) | [str() as s, *_]:
            return "string-ish %r" % s
        case _:
            return "other"
for v in [2, "b", [1, 3], [1, 4], (0, 7), (8, 0), {"k": 1.5}, {"k": "s"}, [1, 2, 3, 4, 5], "zzz", ["q", 1], None]:
    print(repr(v), "->", f(v))
def nested_or(x):
    match x:
        case ((1 | 2) as a, (3 | 4) as b) | ((5 | 6) as a, b):
            return a, b
    return None
print(nested_or((1, 4)), nested_or((6, "any")), nested_or((1, 5)))
def as_capture_whole(x):
    match x:
        case {"name": str() as name, "tags": [*tags]} as rec:
            return name, tags, rec is x
print(as_capture_whole({"name": "n", "tags": ("a", "b")}))
def or_first_wins(x):
    match x:
        case [a, _] | [_, a]:
            return a
print(or_first_wins([1, 2]))

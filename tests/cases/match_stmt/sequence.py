def describe(seq):
    match seq:
        case []:
            return "empty"
        case [x]:
            return "one: %r" % (x,)
        case [x, y]:
            return "two: %r %r" % (x, y)
        case [x, *rest] if len(rest) > 3:
            return "long, head %r, %d more" % (x, len(rest))
        case [first, *middle, last]:
            return "first %r middle %r last %r" % (first, middle, last)
for s in ([], [1], (1, 2), [1, 2, 3], (1, 2, 3, 4), list(range(7)), range(3), [[1, 2]]):
    print(repr(s), "->", describe(s))
def not_sequences(x):
    match x:
        case [*items]:
            return "sequence of %d" % len(items)
        case _:
            return "not a sequence: " + type(x).__name__
for v in ("abc", b"ab", bytearray(b"x"), {"a": 1}, {1, 2}, iter([1]), 5, None, (), [None]):
    print(not_sequences(v))
def star_positions(x):
    match x:
        case [*init, "end"]:
            return "ends with end; init=%r" % (init,)
        case ["start", *tail]:
            return "starts with start; tail=%r" % (tail,)
        case [a, *_, b]:
            return "bookends %r %r" % (a, b)
        case _:
            return "nope"
print(star_positions(["a", "b", "end"]), star_positions(["start"]), star_positions([1, 2]), star_positions([1]))
def nested(x):
    match x:
        case [[a, b], [c, d]]:
            return a * d - b * c
        case [(a, b), *_]:
            return "pairs starting %r %r" % (a, b)
        case _:
            return None
print(nested([[1, 2], [3, 4]]), nested([(5, 6), 7]), nested([[1, 2, 3]]))
def tuple_vs_list_pattern(x):
    match x:
        case (1, 2):
            return "tuple pattern matches lists too"
    return "no"
print(tuple_vs_list_pattern([1, 2]), tuple_vs_list_pattern((1, 2)))
match [1, [2, 3]]:
    case [1, [2, *rest]]:
        print("rest is a list:", rest, type(rest).__name__)
match (1, 2, 3):
    case (a, *b):
        print("star capture from tuple is list:", b)

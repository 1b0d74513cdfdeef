def classify(x):
    match x:
        case 0:
            return "zero"
        case 1:
            return "one"
        case -1:
            return "minus one"
        case 2.5:
            return "two and a half"
        case "hello":
            return "greeting"
        case "multi" "part":
            return "implicitly concatenated"
        case None:
            return "None"
        case True:
            return "True"
        case False:
            return "False"
        case b"bytes":
            return "bytes literal"
        case _:
            return "other: %r" % (x,)
for v in [0, 1, -1, 2.5, "hello", "multipart", None, True, False, b"bytes", 1.0, 0.0, 2, "Hello", [], (), -0.0]:
    print(repr(v), "->", classify(v))
def bool_vs_int(x):
    match x:
        case True:
            return "matched True (identity)"
        case 1:
            return "matched 1 (equality)"
        case _:
            return "no match"
print(bool_vs_int(1), "|", bool_vs_int(True), "|", bool_vs_int(1.0))
def int_first(x):
    match x:
        case 1:
            return "1 matches True by =="
        case True:
            return "True"
    return "none"
print(int_first(True), "|", int_first(1))
def neg_and_float(x):
    match x:
        case -0:
            return "neg zero literal"
        case -1.5:
            return "neg float"
        case 10_000:
            return "underscore int"
        case 0x1F:
            return "hex literal"
    return "none"
print([neg_and_float(v) for v in (0, -1.5, 10000, 31, 5)])
class Eq:
    def __eq__(self, other):
        print("  Eq.__eq__ called with", repr(other))
        return other == 42
def eq_probe(x):
    match x:
        case 42:
            return "equal to 42"
        case "s":
            return "s"
    return "nothing"
e = Eq()
print(eq_probe(e))

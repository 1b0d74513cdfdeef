calls = []
def check(label, result):
    calls.append(label)
    return result
def categorize(n):
    match n:
        case int(x) if check("neg?", x < 0):
            return "negative"
        case int(x) if check("even?", x % 2 == 0):
            return "even"
        case int(x) if check("big?", x > 100):
            return "big odd"
        case int():
            return "small odd"
        case _:
            return "not int"
for v in (-4, 8, 101, 7, "x"):
    calls.clear()
    print(v, categorize(v), calls)
def guard_sees_bindings(pair):
    match pair:
        case (a, b) if a == b:
            return "equal"
        case (a, b) if a > b:
            return "descending"
        case (a, b):
            return "ascending"
print([guard_sees_bindings(p) for p in [(1, 1), (3, 2), (2, 3)]])
def guard_raises(x):
    match x:
        case y if 1 / y > 0.5:
            return "big reciprocal"
        case _:
            return "other"
print(guard_raises(1))
try:
    guard_raises(0)
except ZeroDivisionError as e:
    print(type(e).__name__, e)
def guard_with_walrus(items):
    match items:
        case [*xs] if (total := sum(xs)) > 10:
            return "sum %d is big" % total
        case [*xs]:
            return "sum %d is small" % total
print(guard_with_walrus([5, 6]), guard_with_walrus([1, 2]))
def guard_side_effect_binding(data):
    match data:
        case {"a": a} if a > 10:
            return "big a"
        case {"b": b}:
            return "b=%r (a leaked from failed guard: %r)" % (b, a)
        case _:
            return "nothing"
print(guard_side_effect_binding({"a": 1, "b": 2}))

# | and |= (PEP 584), ==, != and the comparisons dicts do not support.
a = {"x": 1, "y": 2}
b = {"y": 20, "z": 30}
print(a | b, b | a, a, b)
c = dict(a)
c |= b
print(c)
c |= [("w", 0), ("x", -1)]
print(c)
c |= {}
print(c, {} | {}, {1: 1} | {1: 2})
for f in [lambda: a | [("q", 1)], lambda: [("q", 1)] | a, lambda: a | None, lambda: a < b, lambda: a >= b]:
    try:
        print(f())
    except TypeError as e:
        print("TypeError", e)
d = dict(a)
try:
    d |= 5
except TypeError as e:
    print("TypeError", e)
try:
    d |= [5]
except TypeError as e:
    print("TypeError", e)
try:
    d |= [(1, 2, 3)]
except ValueError as e:
    print("ValueError", e)
print(a == {"y": 2, "x": 1}, a != {"y": 2, "x": 1}, a == b, a != b, {} == {}, {1: {2: 3}} == {1: {2: 3}})
print({1: float("inf")} == {1: float("inf")}, {"k": [1, 2]} != {"k": [1, 2]})

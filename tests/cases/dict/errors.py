d = {"a": 1}
try:
    d["b"]
except KeyError as e:
    print("KeyError", e, repr(e), e.args)
try:
    d[[1]] = 2
except TypeError as e:
    print("TypeError", e)
try:
    d.pop("zz")
except KeyError as e:
    print("KeyError", e)
try:
    {}.popitem()
except KeyError as e:
    print("KeyError", e)
try:
    del d["q"]
except KeyError as e:
    print("KeyError", e)
try:
    d[(1, 2)]
except KeyError as e:
    print("KeyError", e)
try:
    d[""]
except KeyError as e:
    print("KeyError", e)
try:
    d[1.5]
except KeyError as e:
    print("KeyError", e)
try:
    for k in d:
        d[k + "x"] = 0
except RuntimeError as e:
    print("RuntimeError", e)
try:
    {"a": 1} + {"b": 2}
except TypeError as e:
    print("TypeError", e)
try:
    {"a": 1} < {"b": 2}
except TypeError as e:
    print("TypeError", e)
try:
    {}.get()
except TypeError as e:
    print("TypeError", e)
try:
    {set(): 1}
except TypeError as e:
    print("TypeError", e)
print({1: 2} | {3: 4}, {1: 2} | {1: 5})
x = {1: 2}
x |= {3: 4}
x |= [(5, 6)]
print(x)

data = {"name": "Ann", "scores": [90, 85], "meta": {"id": 7}}
print("{name} has {scores[0]} and {scores[1]}; id={meta[id]}".format(**data))
print("{0} {1} {0}".format("a", "b"), "{} {}".format(*"xy"), "{:>{w}}".format("r", w=4))
print("{0!r:>8} {0!s:<8}|".format("q"), "{:{fill}^{width}}".format("c", fill="-", width=7))
print("{0.real} {0.imag}".format(3), "{.__name__}".format(int) if False else "{}".format(int))
print("{:.2%} {:,.3f} {:e}".format(0.4567, 1234567.8912, 0.000321))
print("{}".format(None), "{}".format([None, "s"]), "{!a}".format("ü"))
try:
    "{0} {2}".format(1, 2)
except IndexError as e:
    print("IndexError", e)
try:
    "{name}".format(nam=1)
except KeyError as e:
    print("KeyError", e)
try:
    "{0.nope}".format(1)
except AttributeError as e:
    print("AttributeError", e)
try:
    "{0[x]}".format([1])
except TypeError as e:
    print("TypeError", e)
try:
    "{!x}".format(1)
except ValueError as e:
    print("ValueError", e)

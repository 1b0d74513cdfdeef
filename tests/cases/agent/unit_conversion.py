FACTORS = {"mm": 0.001, "cm": 0.01, "m": 1.0, "km": 1000.0, "in": 0.0254, "ft": 0.3048, "mi": 1609.344}
def convert(value, src, dst):
    if src not in FACTORS:
        raise KeyError(f"unknown unit {src!r}")
    if dst not in FACTORS:
        raise KeyError(f"unknown unit {dst!r}")
    return value * FACTORS[src] / FACTORS[dst]
for v, s, d in [(1, "mi", "km"), (100, "cm", "in"), (5280, "ft", "mi"), (3, "m", "ft"), (42.195, "km", "mi"), (1, "in", "mm")]:
    print(f"{v} {s} = {convert(v, s, d):.4f} {d}")
for s, d in [("m", "yd"), ("lb", "kg")]:
    try:
        convert(1, s, d)
    except KeyError as e:
        print("KeyError:", e)
def c_to_f(c):
    return c * 9 / 5 + 32
print([(c, round(c_to_f(c), 1)) for c in (-40, 0, 37, 100)])
print([round((f - 32) * 5 / 9, 2) for f in (32, 98.6, 212, -40)])

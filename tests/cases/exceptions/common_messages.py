five = 5
ess = "s"
nothing = None
pair = [1, 2]
aset = {1, 2}
probes = [
    lambda: 1 / 0,
    lambda: 1 // 0,
    lambda: 1 % 0,
    lambda: 1.0 / 0,
    lambda: 1.0 // 0.0,
    lambda: [][0],
    lambda: ()[0],
    lambda: ""[0],
    lambda: {}["missing"],
    lambda: int("abc"),
    lambda: float("abc"),
    lambda: undefined_variable,
    lambda: "a" + 1,
    lambda: 1 + "a",
    lambda: len(5),
    lambda: None.attr,
    lambda: (1).attr,
    lambda: "x".attr,
    lambda: [].attr,
    lambda: five(),
    lambda: ess(),
    lambda: nothing(),
    lambda: pair["a"],
    lambda: {}[[]],
    lambda: int([]),
    lambda: iter(5),
    lambda: next(iter([])),
    lambda: [1].index(2),
    lambda: "abc".index("z"),
    lambda: (1, 2).index(3),
    lambda: chr(-1),
    lambda: "a" * "b",
    lambda: [] * [],
    lambda: -"s",
    lambda: +[],
    lambda: ~1.0,
    lambda: abs("s"),
    lambda: 2 ** "s",
    lambda: aset[0],
    lambda: {"a": 1}.keys()[0],
    lambda: range(3)[10],
    lambda: "x" < 1,
    lambda: [] > {},
    lambda: None < None,
    lambda: 10 ** 400 * 1.0,
    lambda: "".join([1]),
    lambda: list(1),
    lambda: dict([1]),
    lambda: set([[]]),
    lambda: float("inf") // 0,
]
for p in probes:
    try:
        p()
        print("no error")
    except Exception as e:
        print(f"{type(e).__name__}: {e}")

nan = float("nan")
print(nan, -nan, repr(nan), nan == nan, nan != nan, nan < nan, nan > 0, nan <= nan, nan is nan)
print(nan + 1, nan * 0, nan ** 0, 0 ** nan if False else "skip", max(nan, 5), max(5, nan), min(nan, 5), sorted([3, nan, 1]))
lst = [nan, 1.0]
print(nan in lst, lst.count(nan), lst.index(nan), lst == lst, [nan] == [nan], (nan,) == (nan,), [float("nan")] == [float("nan")])
d = {nan: "x"}
print(d.get(nan), d.get(float("nan")), nan in {nan}, float("nan") in {nan}, len({nan, nan, float("nan")}))
print(f"{nan:.2f}", f"{nan:>6}", f"{-nan:+}", "%f" % nan, "%e" % nan, int(nan != nan), bool(nan))
print(float("nan") == float("NaN"), str(float("-nan")), hash(nan) == hash(nan) if False else "skip")

cases = [ValueError(), ValueError("msg"), ValueError("a", "b"), ValueError(42), ValueError(None), ValueError(""), ValueError([1, 2]),
         KeyError("key"), KeyError(), KeyError("a", "b"), KeyError(1), KeyError(""), IndexError("idx"), TypeError("t", 1),
         Exception("x", ("nested",)), StopIteration(), StopIteration(1), ZeroDivisionError("division by zero"), AssertionError(), RuntimeError("r")]
for e in cases:
    print(type(e).__name__, "|", e, "|", repr(e), "|", e.args, "|", str(e) == "", len(e.args))

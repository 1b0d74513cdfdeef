def classify(exc):
    try:
        raise exc
    except (KeyError, IndexError) as e:
        return "lookup:" + type(e).__name__
    except ArithmeticError as e:
        return "math:" + type(e).__name__
    except ValueError:
        return "value"
    except Exception as e:
        return "other:" + type(e).__name__
for exc in [KeyError("k"), IndexError(), ZeroDivisionError(), OverflowError(), ValueError(), UnicodeDecodeError("utf-8", b"", 0, 1, "r"), TypeError(), RuntimeError(), RecursionError(), StopIteration()]:
    print(classify(exc))
try:
    try:
        raise KeyboardInterrupt
    except Exception:
        print("not here")
except BaseException as e:
    print("BaseException catches", type(e).__name__)
try:
    try:
        raise SystemExit(2)
    except Exception:
        print("not here")
except SystemExit as e:
    print("SystemExit code", e.code, e.args)

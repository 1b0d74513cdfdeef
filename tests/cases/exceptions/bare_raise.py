def handler():
    try:
        int("bad")
    except ValueError:
        print("logging then re-raising")
        raise
try:
    handler()
except ValueError as e:
    print("outer got", e)
try:
    raise
except RuntimeError as e:
    print("RuntimeError", e)
def nested_reraise():
    try:
        raise KeyError("a")
    except KeyError:
        try:
            raise ValueError("b")
        except ValueError:
            pass
        raise
try:
    nested_reraise()
except KeyError as e:
    print("re-raised the right one:", repr(e))
def raise_stored():
    try:
        1 / 0
    except ZeroDivisionError as e:
        err = e
    raise err
try:
    raise_stored()
except ZeroDivisionError as e:
    print("stored", e)

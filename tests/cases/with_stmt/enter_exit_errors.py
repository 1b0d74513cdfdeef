class NoEnter:
    def __exit__(self, *a):
        pass
class NoExit:
    def __enter__(self):
        return self
class Neither:
    pass
for obj in (NoEnter(), NoExit(), Neither(), 5, None, "s"):
    try:
        with obj:
            print("body ran")
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
class InstanceAttrs:
    def __init__(self):
        self.__enter__ = lambda: "inst"
        self.__exit__ = lambda *a: None
try:
    with InstanceAttrs():
        pass
except TypeError as e:
    print(type(e).__name__, e)
class ExitRaises:
    def __enter__(self):
        return self
    def __exit__(self, t, v, tb):
        raise RuntimeError("exit failed (saw %s)" % (t.__name__ if t else None))
try:
    with ExitRaises():
        print("body ok")
except RuntimeError as e:
    print(type(e).__name__, e, "| context:", repr(e.__context__))
try:
    with ExitRaises():
        raise ValueError("body failed")
except RuntimeError as e:
    print(type(e).__name__, e, "| context:", repr(e.__context__))
class ExitWrongArity:
    def __enter__(self):
        return self
    def __exit__(self):
        pass
try:
    with ExitWrongArity():
        pass
except TypeError as e:
    print(type(e).__name__, e)
class EnterWrongArity:
    def __enter__(self, x):
        return x
    def __exit__(self, *a):
        pass
try:
    with EnterWrongArity():
        pass
except TypeError as e:
    print(type(e).__name__, e)

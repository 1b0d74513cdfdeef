try:
    import nosuch
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
try:
    import nosuch.sub as z
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
try:
    from nosuch import thing
except ImportError as e:
    print(type(e).__name__, e, isinstance(e, ModuleNotFoundError))
try:
    import sys, nosuch2
except ImportError as e:
    print(type(e).__name__, e)
print("sys bound before failure:", "sys" in globals())
try:
    from sys import no_such_name
except ImportError as e:
    print(type(e).__name__, e, e.name)
try:
    from typing import no_such_name
except ImportError as e:
    print(type(e).__name__, e.name, "cannot import name 'no_such_name'" in str(e))
print(issubclass(ModuleNotFoundError, ImportError), issubclass(ImportError, Exception))
def lazy():
    import nosuch_lazy
try:
    lazy()
except ImportError as e:
    print("import inside function fails at call time:", e)
try:
    import sys.nosuchsub
except ModuleNotFoundError as e:
    print(type(e).__name__, e)

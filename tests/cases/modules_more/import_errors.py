for name in ["json_", "nosuch.sub", "sys.sub", "typing.List", "no_such_mod"]:
    try:
        if name == "json_":
            import json_
        elif name == "nosuch.sub":
            import nosuch.sub
        elif name == "sys.sub":
            import sys.sub
        elif name == "typing.List":
            import typing.List
        else:
            import no_such_mod
    except ModuleNotFoundError as e:
        print(type(e).__name__, e, "| name:", e.name, isinstance(e, ImportError))
import sys
print("nosuch" in sys.modules, "sys.sub" in sys.modules, "json_" in sys.modules)

import sys
import typing
import sys as s2
from sys import maxsize, version_info as vi
print(repr(sys), type(sys).__name__, sys.__name__, typing.__name__)
print(s2 is sys, maxsize == sys.maxsize, vi is sys.version_info)
print(type(sys.__dict__).__name__, sys.__dict__["maxsize"] == maxsize, sys.__package__ == "" or sys.__package__)
print("maxsize" in dir(sys), "version_info" in dir(sys), dir(sys) == sorted(dir(sys)))
sys.custom = 42
print(sys.custom, "custom" in sys.__dict__)
del sys.custom
print(hasattr(sys, "custom"), getattr(sys, "custom", "default"))
try:
    sys.nope
except AttributeError as e:
    print(type(e).__name__, e)
try:
    del sys.nope
except AttributeError as e:
    print(type(e).__name__, e)
try:
    typing.Nope
except AttributeError as e:
    print(type(e).__name__, e)
def uses_import():
    import sys as inner
    return inner is sys
print(uses_import())
setattr(typing, "extra", "x")
import typing as t2
print(t2.extra, t2 is typing)
print(sys.modules["typing"] is typing)

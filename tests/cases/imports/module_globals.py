import sys
import typing
print(__name__)
print(__doc__)
print(type(sys).__name__, type(typing).__name__)
print(sys.__name__, typing.__name__)
def uses_module():
    return typing.cast(int, 1) + sys.maxsize % 10
print(uses_module())
sys_alias = sys
del sys
try:
    sys
except NameError as e:
    print(type(e).__name__, e)
import sys
print(sys is sys_alias)

# __debug__ reads as True everywhere; attributes and deletion of an
# attribute named __debug__ are fine.
print(__debug__, type(__debug__).__name__)
def g():
    return __debug__
print(g(), [__debug__ for _ in range(2)])
class A:
    pass
a = A()
try:
    del a.__debug__
except AttributeError as e:
    print("AttributeError", e)
print(getattr(a, "__debug__", "absent"))
if __debug__:
    print("assertions are on")

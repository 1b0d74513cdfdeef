# print() writes the pieces before one whose str() fails, as CPython does.
class Bad:
    def __str__(self):
        raise KeyError("no str")
try:
    print("first", Bad(), "never")
except KeyError as e:
    print()
    print("KeyError", e)

IntOrStr = int | str
print(IntOrStr, type(IntOrStr).__name__)
print(isinstance(3, IntOrStr), isinstance("s", IntOrStr), isinstance(3.0, IntOrStr))
print(issubclass(bool, int | float), issubclass(list, int | str))
print(isinstance(None, int | None), isinstance(None, type(None) | int))
print((int | str) == (str | int), (int | int) is int, int | str | int)
class A: pass
class B: pass
print(isinstance(B(), A | B), A | B)
def f(x: int | None = None) -> str | None:
    return None if x is None else str(x)
print(f(), f(5), f.__annotations__)
print(IntOrStr.__args__)
try:
    int | 5
except TypeError as e:
    print(type(e).__name__, e)

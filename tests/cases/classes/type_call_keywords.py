print(issubclass(42, ()), issubclass(int, ()))
try: issubclass(42, (int,))
except TypeError as e: print(e)
for f in (lambda: type('A', (), {}, x=1), lambda: type(1, x=1), lambda: type(1, 2)):
    try: print(f())
    except TypeError as e: print(e)
class Base:
    def __init_subclass__(cls, tag=None, **kw):
        print("init_subclass", cls.__name__, tag)
T = type("T", (Base,), {}, tag="t")
print(T.__name__)

# list[int] passes attribute lookups to list, so issubclass() takes it and
# walks list's bases (not list itself); typing.List[int] is refused.
import typing

def check(a, c):
    try:
        print(issubclass(a, c))
    except TypeError as e:
        print("TypeError:", e)

for alias in [list[int], dict[str, int], tuple[int, ...], typing.List[int]]:
    for cls in [object, list, int, (int, object), int | object, ()]:
        check(alias, cls)

class Base: pass
check(list[int], Base)
check(Base, list[int])

# the argument-2 errors name the function they come from
for call in [lambda: isinstance(3, (str, list[int])), lambda: issubclass(int, (str, list[int])),
             lambda: isinstance(3, list[int])]:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)

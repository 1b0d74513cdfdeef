# A class body's namespace starts with __module__, then __annotations__
# (when the body annotates), then __doc__, as CPython orders it.
class A:
    """doc"""
    x: int
    y = 1
    print(list(locals()))


print(list(A.__dict__)[:4], A.__annotations__)


class B:
    """d"""
    z = 2


print(list(B.__dict__)[:3])

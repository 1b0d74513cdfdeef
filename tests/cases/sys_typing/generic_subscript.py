# Classes deriving from Generic[T] or Protocol[T] can be subscripted.
from typing import Generic, TypeVar, Protocol, List
T = TypeVar("T")
class Box(Generic[T]):
    def __init__(self, v: T) -> None:
        self.v = v
b = Box[int](3)
print(type(b).__name__, b.v, isinstance(b, Box))
print(Box[int] == Box[int], Box[int] == Box[str])
class Sub(Box[str]):
    pass
print(Sub("x").v, type(Sub("y")).__name__)
class Reader(Protocol[T]):
    def read(self) -> T: ...
class Impl(Reader[int]):
    def read(self) -> int:
        return 7
print(Impl().read())
def first(items: List[Box[int]]) -> int:
    return items[0].v
print(first([Box(5)]))
class Custom(Generic[T]):
    def __class_getitem__(cls, item):
        return f"custom {cls.__name__}[{item.__name__}]"
print(Custom[int])

from typing import Generic, TypeVar, Protocol, runtime_checkable, List
T = TypeVar("T")
print(Generic, Protocol, Generic[T], Protocol[T])
class Box(Generic[T]):
    pass
print(Box.__mro__, Box.__parameters__, Box[int], Box[int]().__class__.__name__)
@runtime_checkable
class Closer(Protocol):
    def close(self) -> None: ...
class F:
    def close(self): pass
class G: pass
print(isinstance(F(), Closer), isinstance(G(), Closer), issubclass(F, Closer), issubclass(G, Closer))
@runtime_checkable
class HasName(Protocol):
    name: str
class N:
    def __init__(self): self.name = "n"
print(isinstance(N(), HasName), isinstance(G(), HasName))
for f in (lambda: Closer(), lambda: runtime_checkable(G), lambda: Generic[int]):
    try:
        f()
    except TypeError as e:
        print(e)
class Impl(Closer):
    pass
print(type(Impl()).__name__, isinstance(Impl(), Closer))
class Sized2(Protocol[T]):
    def size(self) -> T: ...
class Both(Box[T], Sized2[T]):
    def size(self): return 3
print(Both().size(), [c.__name__ for c in Both.__mro__])

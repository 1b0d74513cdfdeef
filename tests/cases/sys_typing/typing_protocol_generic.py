from typing import Protocol, TypeVar, Generic, List, Optional, Iterator
T = TypeVar("T")
K = TypeVar("K", bound=str)
N = TypeVar("N", int, float)
print(T.__name__, K.__bound__, N.__constraints__, T.__constraints__, T.__bound__)
class Stack(Generic[T]):
    def __init__(self) -> None:
        self.items: List[T] = []
    def push(self, item: T) -> None:
        self.items.append(item)
    def pop(self) -> T:
        return self.items.pop()
    def peek(self) -> Optional[T]:
        return self.items[-1] if self.items else None
    def __iter__(self) -> Iterator[T]:
        return iter(reversed(self.items))
    def __len__(self) -> int:
        return len(self.items)
s = Stack[int]()
s.push(1); s.push(2); s.push(3)
print(s.pop(), s.peek(), list(s), len(s), type(s).__name__)
s2: Stack[str] = Stack()
s2.push("a")
print(list(s2), isinstance(s, Stack), Stack[int] == Stack[int])
class Pair(Generic[T, K]):
    def __init__(self, a: T, b: K):
        self.a, self.b = a, b
    def swap(self) -> "Pair[K, T]":
        return Pair(self.b, self.a)
pr = Pair(1, "x").swap()
print(pr.a, pr.b, Pair.__parameters__ if False else len(Pair.__parameters__))
class SupportsClose(Protocol):
    def close(self) -> None: ...
class Resource:
    def __init__(self, name):
        self.name = name
        self.closed = False
    def close(self) -> None:
        self.closed = True
def close_all(items: List[SupportsClose]) -> int:
    n = 0
    for it in items:
        it.close()
        n += 1
    return n
rs = [Resource("a"), Resource("b")]
print(close_all(rs), [r.closed for r in rs])
class Greeter(Protocol):
    def greet(self) -> str:
        return "default greet from protocol"
class Impl(Greeter):
    pass
print(Impl().greet())
try:
    Greeter()
except TypeError as e:
    print(type(e).__name__, e)
try:
    isinstance(Resource("x"), SupportsClose)
except TypeError as e:
    print(type(e).__name__, e)
try:
    class Bad(Generic[int]):
        pass
except TypeError as e:
    print(type(e).__name__, e)
print([c.__name__ for c in Stack.__mro__])

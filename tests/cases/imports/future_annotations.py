from __future__ import annotations
from typing import Optional
class Node:
    def __init__(self, value: int, next: Optional[Node] = None) -> None:
        self.value = value
        self.next = next
    def append(self, value: int) -> Node:
        self.next = Node(value)
        return self.next
    def values(self) -> list[int]:
        out, n = [], self
        while n:
            out.append(n.value)
            n = n.next
        return out
head = Node(1)
head.append(2).append(3)
print(head.values())
print(Node.__init__.__annotations__)
print(Node.append.__annotations__)
print(Node.values.__annotations__)
def f(x: UndefinedName, y: "quoted") -> 1 + 2:
    return x
print(f.__annotations__, f(5, 6))
count: int = 0
later: SomethingUndefined
print(__annotations__)
class C:
    attr: Dict[str, List[int]]
    other: int = 5
print(C.__annotations__, C.other)

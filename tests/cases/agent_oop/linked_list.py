class LinkedList:
    class _Node:
        __slots__ = ("value", "next")
        def __init__(self, value, next=None):
            self.value, self.next = value, next
    def __init__(self, iterable=()):
        self._head = None
        self._len = 0
        for v in reversed(list(iterable)):
            self.push(v)
    def push(self, value):
        self._head = self._Node(value, self._head)
        self._len += 1
    def pop(self):
        if self._head is None:
            raise IndexError("pop from empty LinkedList")
        n = self._head
        self._head = n.next
        self._len -= 1
        return n.value
    def __len__(self):
        return self._len
    def __iter__(self):
        n = self._head
        while n:
            yield n.value
            n = n.next
    def __reversed__(self):
        return reversed(list(self))
    def __getitem__(self, i):
        if isinstance(i, slice):
            return LinkedList(list(self)[i])
        if i < 0:
            i += self._len
        if not 0 <= i < self._len:
            raise IndexError("LinkedList index out of range")
        for k, v in enumerate(self):
            if k == i:
                return v
    def __contains__(self, v):
        return any(x == v for x in self)
    def __eq__(self, other):
        if not isinstance(other, LinkedList):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other))
    def __add__(self, other):
        return LinkedList(list(self) + list(other))
    def __repr__(self):
        return "LinkedList([" + ", ".join(map(repr, self)) + "])"
    def __str__(self):
        return " -> ".join(map(str, self)) + " -> None" if self._head else "None"
    def reverse(self):
        prev, cur = None, self._head
        while cur:
            cur.next, prev, cur = prev, cur, cur.next
        self._head = prev
        return self
    def remove_if(self, pred):
        removed = 0
        dummy = self._Node(None, self._head)
        p = dummy
        while p.next:
            if pred(p.next.value):
                p.next = p.next.next
                removed += 1
            else:
                p = p.next
        self._head = dummy.next
        self._len -= removed
        return removed
ll = LinkedList([1, 2, 3, 4, 5])
print(ll, repr(ll), len(ll))
print(ll[0], ll[-1], ll[1:4], 3 in ll, 9 in ll, list(reversed(ll)))
ll.push(0)
print(ll.pop(), ll.pop(), ll)
print(ll.reverse(), ll.remove_if(lambda v: v % 2 == 0), ll, len(ll))
print(ll == LinkedList([5, 3]), ll == [5, 3], ll + LinkedList("ab"), sum(ll), sorted(ll))
e = LinkedList()
print(e, repr(e), bool(e), len(e))
for bad in (lambda: e.pop(), lambda: ll[5]):
    try:
        bad()
    except IndexError as err:
        print(type(err).__name__, err)
big = LinkedList(range(1000))
print(len(big), big[999], big.remove_if(lambda v: v % 3), len(big), big[:5])

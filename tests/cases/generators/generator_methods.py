class Tree:
    def __init__(self, value, *children):
        self.value = value
        self.children = list(children)
    def __iter__(self):
        yield self.value
        for c in self.children:
            yield from c
    def walk(self, depth=0):
        yield depth, self.value
        for c in self.children:
            yield from c.walk(depth + 1)
    def leaves(self):
        if not self.children:
            yield self.value
        for c in self.children:
            yield from c.leaves()
    def bfs(self):
        queue = [self]
        while queue:
            node = queue.pop(0)
            yield node.value
            queue.extend(node.children)
t = Tree("root", Tree("a", Tree("a1"), Tree("a2")), Tree("b"), Tree("c", Tree("c1", Tree("c1x"))))
print(list(t))
for d, v in t.walk():
    print("  " * d + v)
print(list(t.leaves()), list(t.bfs()))
print("a2" in t, "zz" in t, len(list(t)), sorted(t)[:3])
class Range2:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        i = 0
        while i < self.n:
            yield i
            i += 1
    def __reversed__(self):
        i = self.n
        while i > 0:
            i -= 1
            yield i
r = Range2(4)
print(list(r), list(reversed(r)), list(zip(r, r)), [a + b for a in r for b in r if a == b])
it = iter(r)
print(type(it).__name__, next(it), next(it), list(it))
class Paginator:
    def __init__(self, items, size):
        self.items, self.size = items, size
    def pages(self):
        for start in range(0, len(self.items), self.size):
            yield start // self.size + 1, self.items[start:start + self.size]
    @staticmethod
    def numbers(limit):
        yield from range(1, limit + 1)
    @classmethod
    def demo(cls):
        yield cls.__name__
        yield from cls.numbers(2)
p = Paginator(list("abcdefg"), 3)
print(list(p.pages()), list(Paginator.numbers(3)), list(Paginator.demo()))

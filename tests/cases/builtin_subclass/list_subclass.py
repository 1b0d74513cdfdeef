class Stack(list):
    def push(self, x):
        self.append(x)
        return self
    def peek(self):
        return self[-1]
    def __repr__(self):
        return "Stack(" + super().__repr__() + ")"
s = Stack([1, 2])
s.push(3).push(4)
print(s, s.peek(), len(s), s.pop(), s)
print(type(s[1:]).__name__, type(s + [1]).__name__, type(s * 2).__name__, type(list(s)).__name__)
print(s == [1, 2, 3], [1, 2, 3] == s, isinstance(s, list))
s += [9]
print(type(s).__name__, s)
s.sort(reverse=True)
print(s, sorted(s), type(sorted(s)).__name__)
class Typed(list):
    def __init__(self, kind, items=()):
        self.kind = kind
        super().__init__()
        for i in items:
            self.append(i)
    def append(self, x):
        if not isinstance(x, self.kind):
            raise TypeError("expected %s, got %s" % (self.kind.__name__, type(x).__name__))
        super().append(x)
t = Typed(int, [1, 2])
t.append(3)
try:
    t.append("4")
except TypeError as e:
    print(type(e).__name__, e)
t.extend(["bypass"])
t.insert(0, 0.5)
print(t, t.kind)
class Logged(list):
    def __setitem__(self, i, v):
        print("  set", i, v)
        super().__setitem__(i, v)
    def __getitem__(self, i):
        r = super().__getitem__(i)
        print("  get", i, "->", r)
        return r
lg = Logged("abc")
lg[0] = "A"
x = lg[1]
print([c for c in lg], list(lg), lg)
for c in lg:
    pass
print(lg[-1], "".join(lg))
class WithAttrs(list):
    pass
w = WithAttrs([3, 1])
w.label = "nums"
print(w, w.label, w.__dict__)
class Empty(list):
    def __bool__(self):
        return True
print(bool(Empty()), len(Empty()), bool(WithAttrs()))
class Uniq(list):
    def append(self, x):
        if x not in self:
            super().append(x)
u = Uniq()
for v in [1, 2, 1, 3, 2]:
    u.append(v)
print(u, u.count(1), u.index(3))

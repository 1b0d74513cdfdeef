def make_counter_class(step):
    total = [0]
    class Counter:
        def __init__(self):
            self.n = 0
        def tick(self):
            self.n += step
            total[0] += step
            return self.n
        @staticmethod
        def grand_total():
            return total[0]
    return Counter

C2 = make_counter_class(2)
C5 = make_counter_class(5)
a, b, c = C2(), C2(), C5()
print(a.tick(), a.tick(), b.tick(), c.tick())
print(C2.grand_total(), C5.grand_total())
print(C2 is C5, C2.__name__ == C5.__name__, C2.__qualname__)

def make_classes(names):
    out = []
    for n in names:
        class K:
            label = n
            def who(self):
                return self.label
        out.append(K)
    return out
ks = make_classes(["a", "b", "c"])
print([k().who() for k in ks], len(set(ks)))

def make_late():
    funcs = []
    class Holder:
        pass
    for i in range(3):
        def get(self, i=i):
            return i
        setattr(Holder, "get%d" % i, get)
    return Holder
h = make_late()()
print(h.get0(), h.get1(), h.get2())

def closure_over_self():
    class Node:
        def __init__(self, v):
            self.v = v
        def adder(self):
            return lambda d: self.v + d
    n = Node(10)
    f = n.adder()
    n.v = 20
    return f(1)
print(closure_over_self())

def nonlocal_from_method():
    count = 0
    class Inc:
        def go(self):
            nonlocal count
            count += 1
            return count
    i = Inc()
    i.go(); i.go()
    return count, i.go()
print(nonlocal_from_method())

def recursive_class_ref():
    class Tree:
        def __init__(self, v, kids=()):
            self.v = v
            self.kids = list(kids)
        def total(self):
            return self.v + sum(k.total() for k in self.kids)
        def clone(self):
            return Tree(self.v, [k.clone() for k in self.kids])
    t = Tree(1, [Tree(2), Tree(3, [Tree(4)])])
    c = t.clone()
    c.kids[0].v = 100
    return t.total(), c.total()
print(recursive_class_ref())

class L0:
    def path(self):
        return ["L0"]
    def depth(self):
        return 0
classes = [L0]
for i in range(1, 12):
    prev = classes[-1]
    def path(self, _i=i):
        return super(type(self).__mro__[len(type(self).__mro__) - 2 - _i], self).path() + ["L%d" % _i]
    ns = {"path": path, "depth": (lambda self, _i=i: _i)}
    classes.append(type("L%d" % i, (prev,), ns))
last = classes[-1]()
print([k.__name__ for k in type(last).__mro__])
print(last.depth(), isinstance(last, L0), issubclass(classes[-1], classes[5]))

class A:
    def f(self, acc):
        return acc + ["A"]
class B(A):
    def f(self, acc):
        return super().f(acc + ["B"])
class C(B):
    def f(self, acc):
        return super().f(acc + ["C"])
class D(C):
    def f(self, acc):
        return super().f(acc + ["D"])
class E(D):
    def f(self, acc):
        return super().f(acc + ["E"])
print(E().f([]), D().f(["start"]))
print(super(C, E()).f([]))

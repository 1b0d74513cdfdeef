order = []
def ann(label):
    order.append(label)
    return label
def f(a: ann("a"), b: ann("b") = ann("b-default"), *args: ann("args"), c: ann("c"), **kw: ann("kw")) -> ann("ret"):
    pass
print(order)
print(f.__annotations__)
order.clear()
x: ann("module x") = ann("module value")
y: ann("module y")
print(order)
print(__annotations__)
class C:
    order.append("class body start")
    p: ann("p") = 1
    q: ann("q")
    def m(self, v: ann("m.v")) -> ann("m.ret"):
        local: ann("never evaluated") = 5
        return local
print(order[-6:])
print(C.__annotations__, C().m(1), C.m.__annotations__)
def no_ann(a, b=1):
    pass
print(no_ann.__annotations__, type(no_ann.__annotations__).__name__)
no_ann.__annotations__["a"] = int
print(no_ann.__annotations__)
lam = lambda z: z
print(lam.__annotations__)
obj = C()
obj.attr: int = 3
print(obj.attr, "attr" in C.__annotations__)
d = {}
d["k"]: str = "v"
print(d)
(paren): int = 4
print(paren, "paren" in __annotations__)

class Node:
    def accept(self, visitor):
        method = "visit_" + type(self).__name__
        return getattr(visitor, method, visitor.generic_visit)(self)
class Num(Node):
    def __init__(self, value):
        self.value = value
class Var(Node):
    def __init__(self, name):
        self.name = name
class BinOp(Node):
    def __init__(self, op, left, right):
        self.op, self.left, self.right = op, left, right
class Call(Node):
    def __init__(self, fn, *args):
        self.fn, self.args = fn, list(args)
class Visitor:
    def generic_visit(self, node):
        raise NotImplementedError(f"{type(self).__name__} has no visit_{type(node).__name__}")
class Printer(Visitor):
    PREC = {"+": 1, "-": 1, "*": 2, "/": 2, "^": 3}
    def visit_Num(self, n):
        return str(n.value)
    def visit_Var(self, n):
        return n.name
    def visit_BinOp(self, n):
        def wrap(child):
            s = child.accept(self)
            if isinstance(child, BinOp) and self.PREC[child.op] < self.PREC[n.op]:
                return "(" + s + ")"
            return s
        return f"{wrap(n.left)} {n.op} {wrap(n.right)}"
    def visit_Call(self, n):
        return f"{n.fn}({', '.join(a.accept(self) for a in n.args)})"
class Evaluator(Visitor):
    FUNCS = {"max": max, "min": min, "abs": abs}
    def __init__(self, env):
        self.env = env
    def visit_Num(self, n):
        return n.value
    def visit_Var(self, n):
        if n.name not in self.env:
            raise NameError(f"undefined variable {n.name!r}")
        return self.env[n.name]
    def visit_BinOp(self, n):
        a, b = n.left.accept(self), n.right.accept(self)
        if n.op == "+": return a + b
        if n.op == "-": return a - b
        if n.op == "*": return a * b
        if n.op == "/": return a / b
        if n.op == "^": return a ** b
        raise ValueError("bad op " + n.op)
    def visit_Call(self, n):
        return self.FUNCS[n.fn](*[a.accept(self) for a in n.args])
class VarCollector(Visitor):
    def __init__(self):
        self.names = []
    def visit_Num(self, n):
        pass
    def visit_Var(self, n):
        if n.name not in self.names:
            self.names.append(n.name)
    def visit_BinOp(self, n):
        n.left.accept(self); n.right.accept(self)
    def visit_Call(self, n):
        for a in n.args:
            a.accept(self)
class Simplifier(Visitor):
    def visit_Num(self, n):
        return n
    def visit_Var(self, n):
        return n
    def visit_Call(self, n):
        return Call(n.fn, *[a.accept(self) for a in n.args])
    def visit_BinOp(self, n):
        l, r = n.left.accept(self), n.right.accept(self)
        if isinstance(l, Num) and isinstance(r, Num):
            return Num(Evaluator({}).visit_BinOp(BinOp(n.op, l, r)))
        if n.op == "*" and (isinstance(l, Num) and l.value == 0 or isinstance(r, Num) and r.value == 0):
            return Num(0)
        if n.op in "+-" and isinstance(r, Num) and r.value == 0:
            return l
        if n.op == "*" and isinstance(l, Num) and l.value == 1:
            return r
        return BinOp(n.op, l, r)
exprs = [
    BinOp("*", BinOp("+", Var("x"), Num(2)), Var("y")),
    BinOp("+", BinOp("*", Num(1), Var("x")), BinOp("*", Num(0), Var("z"))),
    Call("max", Var("x"), BinOp("^", Num(2), Num(3)), BinOp("-", Var("y"), Num(0))),
    BinOp("/", Num(7), BinOp("-", Var("x"), Var("x"))),
    BinOp("+", Var("q"), Num(1)),
]
env = {"x": 3, "y": 4}
for e in exprs:
    p = e.accept(Printer())
    vc = VarCollector()
    e.accept(vc)
    s = e.accept(Simplifier()).accept(Printer())
    try:
        val = e.accept(Evaluator(env))
    except (ZeroDivisionError, NameError) as err:
        val = f"{type(err).__name__}: {err}"
    print(f"{p:<28} vars={vc.names!s:<16} simplified={s:<18} value={val}")
class Unknown(Node):
    pass
try:
    Unknown().accept(Printer())
except NotImplementedError as e:
    print(type(e).__name__, e)

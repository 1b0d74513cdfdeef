class Node: pass
class Expr(Node): pass
class Stmt(Node): pass
class Num(Expr): pass
class BinOp(Expr): pass
class Add(BinOp): pass
class Mul(BinOp): pass
class Assign(Stmt): pass
class ExprStmt(Stmt, Expr): pass

classes = [Node, Expr, Stmt, Num, BinOp, Add, Mul, Assign, ExprStmt]
for k in classes:
    inst = k()
    row = "".join("1" if isinstance(inst, j) else "." for j in classes)
    print("%-9s %s %s" % (k.__name__, row, [b.__name__ for b in k.__bases__]))
print(isinstance(Add(), (Stmt, BinOp)), isinstance(Assign(), (Expr, Num)))
print(issubclass(ExprStmt, (Num, Stmt)), issubclass(Add, Add))
def kind(n):
    if isinstance(n, BinOp):
        return "binop:" + type(n).__name__
    if isinstance(n, Expr) and isinstance(n, Stmt):
        return "both"
    if isinstance(n, Expr):
        return "expr"
    if isinstance(n, Stmt):
        return "stmt"
    return "node"
print([kind(k()) for k in classes])
print(issubclass(type(ExprStmt()), Expr))
print([k.__name__ for k in ExprStmt.__mro__])

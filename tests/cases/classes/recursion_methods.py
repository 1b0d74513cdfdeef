class BST:
    def __init__(self):
        self.root = None
    class _Node:
        def __init__(self, key):
            self.key = key
            self.left = None
            self.right = None
    def insert(self, key):
        self.root = self._insert(self.root, key)
    def _insert(self, node, key):
        if node is None:
            return BST._Node(key)
        if key < node.key:
            node.left = self._insert(node.left, key)
        elif key > node.key:
            node.right = self._insert(node.right, key)
        return node
    def inorder(self):
        out = []
        def walk(n):
            if n:
                walk(n.left); out.append(n.key); walk(n.right)
        walk(self.root)
        return out
    def height(self, node="root"):
        if node == "root":
            node = self.root
        if node is None:
            return 0
        return 1 + max(self.height(node.left), self.height(node.right))
    def contains(self, key):
        n = self.root
        while n:
            if key == n.key:
                return True
            n = n.left if key < n.key else n.right
        return False

t = BST()
for k in [50, 30, 70, 20, 40, 60, 80, 35, 45, 65]:
    t.insert(k)
print(t.inorder())
print(t.height())
print([t.contains(k) for k in (35, 36, 80, 10)])
t.insert(30)
print(len(t.inorder()))

class Fib:
    def __init__(self):
        self.memo = {0: 0, 1: 1}
        self.calls = 0
    def __call__(self, n):
        self.calls += 1
        if n not in self.memo:
            self.memo[n] = self(n - 1) + self(n - 2)
        return self.memo[n]
fib = Fib()
print(fib(60), fib.calls)
print([fib(i) for i in range(10)])

class Expr:
    def __init__(self, op, *args):
        self.op, self.args = op, args
    def eval(self):
        if self.op == "num":
            return self.args[0]
        vals = [a.eval() for a in self.args]
        if self.op == "+":
            return sum(vals)
        if self.op == "*":
            r = 1
            for v in vals:
                r *= v
            return r
        raise ValueError("bad op " + self.op)
    def show(self):
        if self.op == "num":
            return str(self.args[0])
        return "(" + (" " + self.op + " ").join(a.show() for a in self.args) + ")"
e = Expr("+", Expr("num", 2), Expr("*", Expr("num", 3), Expr("num", 4)), Expr("num", 5))
print(e.show(), "=", e.eval())
try:
    Expr("-", Expr("num", 1)).eval()
except ValueError as err:
    print(type(err).__name__, err)

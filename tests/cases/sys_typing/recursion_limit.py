import sys
limit = sys.getrecursionlimit()
print(limit)
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(depth(500))
def forever(n):
    return forever(n + 1)
try:
    forever(0)
except RecursionError as e:
    print(type(e).__name__, e)
print(issubclass(RecursionError, RuntimeError))
class Node:
    def __init__(self, child=None):
        self.child = child
    def size(self):
        return 1 + (self.child.size() if self.child else 0)
chain = None
for _ in range(300):
    chain = Node(chain)
print(chain.size())
class Loop:
    def __getattr__(self, name):
        return self.missing
try:
    Loop().x
except RecursionError as e:
    print("getattr recursion:", type(e).__name__)
def mutual_a(n):
    return mutual_b(n)
def mutual_b(n):
    return mutual_a(n)
try:
    mutual_a(1)
except RecursionError as e:
    print("mutual:", e)
print("still works after recursion errors:", depth(100))

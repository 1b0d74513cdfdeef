def down(n):
    return down(n + 1)
try:
    down(0)
except RecursionError as e:
    print("caught RecursionError:", e)
def deep(n):
    if n == 0:
        return 0
    return 1 + deep(n - 1)
print(deep(500))
print(isinstance(RecursionError(), RuntimeError), issubclass(RecursionError, RuntimeError))
def mutual_a(n):
    return mutual_b(n)
def mutual_b(n):
    return mutual_a(n)
try:
    mutual_a(1)
except RuntimeError as e:
    print(type(e).__name__, e)
print("still alive", deep(100))

class P:
    __slots__ = ("x", "y")
    def __init__(self, x):
        self.x = x

p = P(1)
print(p.x)
try:
    p.z = 3
except AttributeError as e:
    print(type(e).__name__, e)
try:
    print(p.y)
except AttributeError as e:
    print(type(e).__name__, e)
p.y = 5
print(p.y)
del p.y
try:
    p.y
except AttributeError as e:
    print(type(e).__name__, e)
print(hasattr(p, "__dict__"))
class Free(P):
    pass
f = Free(2)
f.z = 9
print(f.x, f.z, f.__dict__)

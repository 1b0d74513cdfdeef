class A:
    x = 1
    def f(self): pass
class B(A):
    y = 2
print(dir(B)[-3:], sorted(k for k in B.__dict__ if not k.startswith("__")), len(A.__dict__) > 2)
print(B.__dict__.get("y"), B.__dict__.get("x", "no"), list(B.__dict__.keys())[-1], "y" in B.__dict__)
print(type(vars(B)).__name__, B.__dict__ == dict(B.__dict__), type(B.__dict__.copy()).__name__)
print(repr(type("E", (), {}).__dict__)[:14])
try:
    B.__dict__["z"] = 1
except TypeError as e: print(e)
for k, v in B.__dict__.items():
    if k == "y": print(k, v)
print(hash is not None, str.__dict__ is not None)

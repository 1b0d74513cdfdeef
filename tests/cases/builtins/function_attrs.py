def f(a, b=2):
    "doc of f"
    return a + b
f.custom = "attached"
print(f.custom, getattr(f, "custom"), hasattr(f, "custom"), f.__name__, f.__doc__)
setattr(f, "counter", 0)
f.counter += 1
print(f.counter, vars(f) if False else sorted(vars(f)))
delattr(f, "custom")
print(hasattr(f, "custom"))
try:
    f.missing
except AttributeError as e:
    print("AttributeError", e)
f.__name__ = "renamed"
print(f.__name__)
g = lambda: 0
print(g.__name__, (lambda: 0).__doc__)

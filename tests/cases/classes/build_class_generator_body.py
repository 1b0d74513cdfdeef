# __build_class__ with a generator function as the body: CPython calls it,
# gets a generator (the body never runs) and makes a class with an empty
# namespace.
def body():
    print("never printed")
    yield 1

A = __build_class__(body, "A")
print(type(A).__name__, A.__name__)
print(sorted(k for k in vars(A) if not k.startswith("__")))
B = __build_class__(body, "B", int)
print(B.__mro__[1].__name__, B(5) + 1)

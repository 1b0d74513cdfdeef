# A base that is not a class: its type becomes the metaclass (CPython's
# rule), so the class statement calls it; unrelated types conflict.
def check(make):
    try:
        print(make())
    except TypeError as e:
        print("TypeError:", e)

check(lambda: type('Invalid', (42,), {}))
check(lambda: type('Invalid', (object, 42), {}))
check(lambda: type('Invalid', (int, 'x'), {}))
check(lambda: type('X', (object(),), {}))

def int_base():
    class X(42):
        print("body runs first")
check(int_base)

def str_base():
    class X("a"):
        pass
check(str_base)

def mixed():
    class X(object, 5):
        print("never printed")
check(mixed)

def object_instance():
    class X(object()):
        pass
check(object_instance)

class Maker:
    def __init__(self, name, bases, ns, **kw):
        self.name = name
        self.count = len(bases)
        self.keys = sorted(k for k in ns if not k.startswith('__'))
        self.kw = kw
    def __repr__(self):
        return f"Maker({self.name!r}, {self.count}, {self.keys}, {self.kw})"

seed = Maker('seed', (), {})

class Built(seed, flavour='dry'):
    size = 3
    def method(self):
        return 1

print(type(Built).__name__, Built)

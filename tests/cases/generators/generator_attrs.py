def simple():
    yield 1
class K:
    def m(self):
        yield 2
    @staticmethod
    def s():
        yield 3
def outer():
    def inner_gen():
        yield 4
    return inner_gen()
for g in (simple(), K().m(), K.s(), outer(), (x for x in [5])):
    print(g.__name__, "|", g.__qualname__, "|", type(g).__name__, next(g))
g = simple()
g.__name__ = "renamed"
print(g.__name__)
print(hasattr(g, "send"), hasattr(g, "throw"), hasattr(g, "close"), hasattr(g, "__next__"), hasattr(g, "__iter__"))
print(simple.__name__, type(simple).__name__)
print(isinstance(simple(), type(simple())), type(simple()) is type((x for x in ())))
try:
    g.__qualname__ = 5
except TypeError as e:
    print(type(e).__name__, e)
try:
    len(simple())
except TypeError as e:
    print(type(e).__name__, e)
try:
    simple()[0]
except TypeError as e:
    print(type(e).__name__, e)
print(bool(simple()), bool(x for x in []))

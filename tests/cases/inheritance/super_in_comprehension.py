# In CPython 3.11 a comprehension is its own function scope, so the
# zero-argument super() inside it sees the wrong first argument.
class A:
    def run(self, x):
        return "A(%s)" % x
class G(A):
    def helper(self):
        return [super().run(i) for i in range(2)]
    def helper_ok(self):
        r = super().run
        return [r(i) for i in range(2)]
    def helper_explicit(self):
        return [super(G, self).run(i) for i in range(2)]
g = G()
try:
    print(g.helper())
except TypeError as e:
    print(type(e).__name__, e)
print(g.helper_ok())
print(g.helper_explicit())
try:
    print(list(super().run(i) for i in range(1)) if False else g.helper())
except TypeError as e:
    print(type(e).__name__, e)

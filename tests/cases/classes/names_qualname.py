class Outer:
    """Outer docstring."""
    class Inner:
        def method(self):
            def helper():
                pass
            return helper
        class Deeper:
            pass
    def meth(self):
        class InMethod:
            pass
        return InMethod

print(Outer.__name__, Outer.__qualname__, Outer.__module__)
print(Outer.Inner.__name__, Outer.Inner.__qualname__)
print(Outer.Inner.Deeper.__qualname__)
print(Outer.Inner.method.__name__, Outer.Inner.method.__qualname__)
h = Outer.Inner().method()
print(h.__name__, h.__qualname__)
IM = Outer().meth()
print(IM.__name__, IM.__qualname__)
print(Outer.__doc__)
print(Outer.Inner.__doc__)
print(Outer.meth.__module__)
print(__name__)
print(Outer)
print(Outer.Inner)
print(Outer.Inner.Deeper)
print(IM)
print(repr(Outer), str(Outer.Inner))
def f():
    class G:
        def m(self):
            pass
    return G
G = f()
print(G.__qualname__, G.m.__qualname__)
print(G)
print(type(Outer()).__qualname__)
print(Outer().__class__.__name__)
print(Outer().__module__)
print(len.__name__, len.__qualname__)
print(str.upper.__name__, str.upper.__qualname__)
print(int.__name__, type.__name__, object.__name__)
print(int.__module__, type(None).__name__)
lam = lambda: 0
print(lam.__name__, lam.__qualname__)
class WithDoc:
    "single quoted docstring"
    def m(self):
        """method doc"""
print(WithDoc.__doc__, WithDoc.m.__doc__, WithDoc().m.__doc__)
class NotDoc:
    x = 1
    "not a docstring"
print(NotDoc.__doc__)
Outer.__name__ = "Renamed"
print(Outer.__name__, Outer.__qualname__)
Outer.__qualname__ = "Q.R"
print(Outer)

# The last traceback line and property errors name a class by its
# __qualname__ (and module, unless __main__ or builtins), as CPython does.
import asyncio

class Outer:
    class Inner:
        @property
        def p(self):
            return 1

try:
    Outer.Inner().p = 2
except AttributeError as e:
    print(e)

def make():
    class Local:
        q = property()
    return Local

try:
    make()().q
except AttributeError as e:
    print(e)

try:
    class Base: pass
    class Derived(Base, flavour=1): pass
except TypeError as e:
    print(e)

print(asyncio.QueueEmpty.__module__, asyncio.CancelledError.__module__)

class Parser:
    class Error(Exception):
        pass

raise Parser.Error("bad token")

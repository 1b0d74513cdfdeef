import sys, typing
from typing import List, Optional, Dict
import asyncio
class Slotted:
    __slots__ = ("a", "b")
    def __init__(self): self.a = 1
class E(Exception): pass
class Meta:
    def __init_subclass__(cls, **kw): cls.tag = kw.get("tag", "none")
class Sub(Meta, tag="t"): pass
def outer():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc
inc = outer(); inc()
def chain():
    try:
        try:
            1 / 0
        except ZeroDivisionError as e:
            raise E("wrapped") from e
    except E as e2:
        return e2
exc = chain()
def g():
    x = yield 1
    while True:
        x = yield x * 2
gen = g(); next(gen); gen.send(5)
async def ag():
    for i in range(3):
        yield i
agen = ag()
class WithSuper(Base := type("Base", (), {"f": lambda self: "base"})):
    def f(self): return "child+" + super().f()
sup = super(WithSuper, WithSuper())
sl = Slotted()
streams = (sys.stdout, sys.stderr)
ann: List[int] = [1]
opt = Optional[int]
ty = typing.Dict
x = fetch(2)
print(x, sl.a, Sub.tag, inc(), repr(exc), repr(exc.__cause__), exc.__traceback__ is not None)
print(gen.send(7), sup.f(), WithSuper().f(), streams[0] is sys.stdout, ann, ty)
sys.stdout.write("via sys\n")
async def consume():
    return [v async for v in agen]
print(asyncio.run(consume()))

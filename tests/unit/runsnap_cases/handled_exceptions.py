# Pauses while generators and coroutines handle exceptions of their own:
# each keeps its handled exception apart from its resumer's (saved with
# the generator), so after a load sys.exception() and __context__ read the
# same as in an uninterrupted run.
import sys
import asyncio

def gen():
    try:
        raise ValueError("in gen")
    except ValueError:
        yield fetch(1)
        print("gen resumed", repr(sys.exception()))
        yield fetch(2)
    print("gen after", sys.exception())

for x in gen():
    try:
        raise KeyError(x)
    except KeyError as e:
        print(x, repr(e.__context__), repr(sys.exception()))
print("outside", sys.exception())

def inner():
    print("inner sees", repr(sys.exception()))
    yield fetch(3)
    print("inner later sees", repr(sys.exception()))
    yield fetch(4)

# (driven by for loops: a generator that next() drives cannot pause)
try:
    raise OSError("outer")
except OSError:
    it = inner()
    for v in it:
        print("first", v)
        break
for v in it:
    print("then", v, sys.exception())

async def worker(n):
    try:
        raise ValueError(n)
    except ValueError:
        v = await afetch(n)
        print("worker", n, v, repr(sys.exception()))
    return n

async def main():
    try:
        raise KeyError("main")
    except KeyError:
        r = await asyncio.gather(worker(5), worker(6))
        print("main", repr(sys.exception()), r)
    print("main end", sys.exception())

asyncio.run(main())

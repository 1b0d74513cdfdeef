# A coroutine suspended inside an except block keeps its exception to
# itself; the task that awaits it sees its own.
import asyncio, sys
async def worker(n):
    try:
        raise ValueError(n)
    except ValueError:
        await asyncio.sleep(0)
        print("worker", n, repr(sys.exception()))
    print("worker after", n, sys.exception())
    return n
async def main():
    try:
        raise KeyError("main")
    except KeyError:
        r = await asyncio.gather(worker(1), worker(2))
        print("main", repr(sys.exception()), r)
    print("end", sys.exception())
asyncio.run(main())
def g():
    yield from h()
def h():
    try:
        raise ZeroDivisionError
    except ZeroDivisionError:
        yield 1
        print("h", repr(sys.exception()))
for v in g():
    print("got", v, sys.exception())
print(sum(x for x in range(3)), sys.exception())

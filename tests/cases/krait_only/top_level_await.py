# krait-only expectation: a script that awaits at top level runs as a
# coroutine under asyncio.run (CPython rejects top-level await in scripts).
import asyncio


async def fetch(x):
    await asyncio.sleep(0)
    return x + 1


a = await fetch(1)
b = await asyncio.gather(fetch(10), fetch(20))
print(a, b)


class Res:
    async def __aenter__(self):
        print("open")
        return self

    async def __aexit__(self, *exc):
        print("close")


async with Res():
    print("inside")

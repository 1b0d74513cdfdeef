# A collection while __enter__ runs must keep the bound __exit__ (and the
# async pair's __aexit__) alive: it waits on the stack for the block's end.
import asyncio


class M:
    def __enter__(self):
        junk = [[i] for i in range(30000)]  # enough to start a collection
        return len(junk)

    def __exit__(self, *exc):
        print("exit", exc[0])
        return False


for _ in range(3):
    with M() as n:
        print("body", n)


class AM:
    async def __aenter__(self):
        junk = [[i] for i in range(30000)]
        return len(junk)

    async def __aexit__(self, *exc):
        print("aexit", exc[0])
        return False


async def main():
    for _ in range(3):
        async with AM() as n:
            print("abody", n)


asyncio.run(main())

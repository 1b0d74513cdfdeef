import asyncio
class Countdown:
    def __init__(self, n):
        self.n = n
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.n <= 0:
            raise StopAsyncIteration
        await asyncio.sleep(0)
        self.n -= 1
        return self.n + 1
async def agen(n):
    for i in range(n):
        await asyncio.sleep(0)
        yield i * 10
async def main():
    async for v in Countdown(3):
        print("countdown", v)
    async for v in agen(3):
        print("agen", v)
    async for v in agen(5):
        if v == 20:
            continue
        if v == 40:
            break
        print("filtered", v)
    else:
        print("never: loop broke")
    async for v in agen(0):
        print("never")
    else:
        print("else runs after empty async for")
    g = agen(2)
    print(type(g).__name__, await g.__anext__(), await g.__anext__())
    try:
        await g.__anext__()
    except StopAsyncIteration:
        print("StopAsyncIteration at end")
    try:
        async for v in [1, 2]:
            pass
    except TypeError as e:
        print(type(e).__name__, e)
    try:
        for v in agen(1):
            pass
    except TypeError as e:
        print(type(e).__name__, e)
asyncio.run(main())

import asyncio
async def agen(n):
    for i in range(n):
        await asyncio.sleep(0)
        yield i
async def double(x):
    await asyncio.sleep(0)
    return x * 2
async def main():
    print([x async for x in agen(5)])
    print([x async for x in agen(6) if x % 2])
    print({x: x * x async for x in agen(3)})
    print({x % 3 async for x in agen(7)})
    print([await double(x) for x in range(4)])
    print([await double(x) async for x in agen(3)])
    print([y for x in range(2) async for y in agen(x + 2)] if False else [(x, y) async for x in agen(2) for y in range(2)])
    g = (x + 100 async for x in agen(3))
    print(type(g).__name__, [v async for v in g])
    print(sum([await double(v) for v in [1, 2, 3]]))
asyncio.run(main())

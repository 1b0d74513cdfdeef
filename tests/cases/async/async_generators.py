import asyncio
async def ticker(n):
    try:
        for i in range(n):
            yield i
            await asyncio.sleep(0)
    finally:
        print("  ticker cleanup")
async def echo():
    received = []
    while True:
        v = yield len(received)
        if v is None:
            break
        received.append(v)
    yield received
async def main():
    print([v async for v in ticker(3)])
    g = ticker(10)
    print(await g.__anext__(), await g.__anext__())
    await g.aclose()
    print("closed early")
    e = echo()
    print(await e.asend(None), await e.asend("a"), await e.asend("b"), await e.asend(None))
    t = ticker(5)
    await t.__anext__()
    try:
        await t.athrow(ValueError("thrown in"))
    except ValueError as err:
        print("athrow propagated:", err)
    print(type(ticker).__name__, type(ticker(1)).__name__, ticker.__name__)
    async def gen_return():
        yield 1
        return
    print([x async for x in gen_return()])
asyncio.run(main())

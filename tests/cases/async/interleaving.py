import asyncio
trace = []
async def ping(n):
    for i in range(n):
        trace.append("ping %d" % i)
        await asyncio.sleep(0)
async def pong(n):
    for i in range(n):
        trace.append("pong %d" % i)
        await asyncio.sleep(0)
        await asyncio.sleep(0)
async def no_yield():
    trace.append("no_yield runs to completion without suspending")
    return 1
async def main():
    await asyncio.gather(ping(4), pong(2), no_yield())
    for t in trace:
        print(t)
    trace.clear()
    shared = []
    async def producer():
        for i in range(5):
            shared.append(i)
            trace.append("produced %d" % i)
            await asyncio.sleep(0)
        shared.append(None)
    async def consumer():
        got = []
        while True:
            if not shared:
                await asyncio.sleep(0)
                continue
            item = shared.pop(0)
            if item is None:
                return got
            trace.append("consumed %d" % item)
            got.append(item * item)
    _, got = await asyncio.gather(producer(), consumer())
    print(got)
    for t in trace:
        print(t)
asyncio.run(main())

import asyncio
log = []
async def sleeper(name, delay, result=None):
    r = await asyncio.sleep(delay, result)
    log.append((name, r))
    return name
async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    # wake order follows the delays, ties in creation order
    tasks = [asyncio.create_task(sleeper(n, d, n.upper())) for n, d in
             [("c", 0.03), ("a", 0.01), ("b", 0.02), ("a2", 0.01), ("z", 0)]]
    done = await asyncio.gather(*tasks)
    print(done)
    print(log)
    print("elapsed about", round(loop.time() - t0, 2))
    # sleep(0) and a positive sleep interleave: ready work always runs first
    order = []
    async def spinner():
        for i in range(3):
            order.append("spin %d" % i)
            await asyncio.sleep(0)
    async def napper():
        order.append("nap start")
        await asyncio.sleep(0.001)
        order.append("nap end")
    await asyncio.gather(napper(), spinner())
    print(order)
    # a negative delay is like 0
    print(await asyncio.sleep(-1, "negative"))
    try:
        await asyncio.sleep("x")
    except TypeError as e:
        print(type(e).__name__, e)
    s = asyncio.sleep(0.5)
    print(type(s).__name__, asyncio.iscoroutine(s))
    await s
    print("after", round(loop.time() - t0, 2))
asyncio.run(main())

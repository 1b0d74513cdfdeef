import asyncio
log = []
async def step(name, n, fail_at=None):
    try:
        for i in range(n):
            if i == fail_at:
                raise ValueError("%s failed at %d" % (name, i))
            log.append("%s%d" % (name, i))
            await asyncio.sleep(0)
        return name
    except asyncio.CancelledError:
        log.append(name + " cancelled")
        raise
async def main():
    try:
        await asyncio.gather(step("a", 4), step("b", 3, fail_at=1), step("c", 4))
    except ValueError as e:
        log.append("caught " + str(e))
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print(log)
    log.clear()
    g = asyncio.gather(step("x", 5), step("y", 5))
    await asyncio.sleep(0)
    print(g.cancel(), g.done())
    try:
        await g
    except asyncio.CancelledError:
        log.append("gather cancelled: %s" % g.cancelled())
    print(log)
    c = step("dup", 1)
    print(await asyncio.gather(c, c, step("other", 1)))
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    loop.call_later(0.01, f.set_result, "future result")
    print(await asyncio.gather(f, step("with_future", 2)))
    results = await asyncio.gather(step("ok", 1), asyncio.sleep(0, "slept"), return_exceptions=True)
    print(results)
    t = asyncio.create_task(step("cancelled_child", 3))
    await asyncio.sleep(0)
    t.cancel()
    r = await asyncio.gather(t, step("z", 1), return_exceptions=True)
    print([type(x).__name__ for x in r])
    try:
        await asyncio.gather(step("fine", 1), 5)
    except TypeError as e:
        print("TypeError", e)
    await asyncio.sleep(0)
    outer = asyncio.gather(step("n1", 1), asyncio.gather(step("n2", 2), step("n3", 1)))
    print(type(outer).__name__, await outer)
asyncio.run(main())

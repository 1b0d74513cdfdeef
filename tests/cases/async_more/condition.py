import asyncio
async def main():
    cond = asyncio.Condition()
    items = []
    log = []
    async def consumer(name):
        async with cond:
            while not items:
                log.append(name + " waits")
                await cond.wait()
            item = items.pop(0)
            log.append("%s took %s" % (name, item))
    async def producer():
        for i in range(3):
            await asyncio.sleep(0)
            async with cond:
                items.append(i)
                log.append("produced %d" % i)
                cond.notify()
    await asyncio.gather(consumer("c1"), consumer("c2"), consumer("c3"), producer())
    print("\n".join(log))
    ready = []
    async def waiter(n):
        async with cond:
            r = await cond.wait_for(lambda: len(ready) >= n)
            return n, r
    tasks = [asyncio.create_task(waiter(n)) for n in (1, 2)]
    await asyncio.sleep(0)
    async with cond:
        ready.append("x")
        cond.notify_all()
    await asyncio.sleep(0)
    async with cond:
        ready.append("y")
        cond.notify_all()
    print(await asyncio.gather(*tasks))
    try:
        await cond.wait()
    except RuntimeError as e:
        print(e)
    try:
        cond.notify()
    except RuntimeError as e:
        print(e)
    print(cond.locked(), repr(cond).split(" [")[1])
    lock = asyncio.Lock()
    c2 = asyncio.Condition(lock)
    async with c2:
        print(lock.locked(), c2.locked())
    print(lock.locked())
asyncio.run(main())

import asyncio
async def main():
    lock = asyncio.Lock()
    log = []
    async def critical(name, steps):
        async with lock:
            log.append(name + " in")
            for _ in range(steps):
                await asyncio.sleep(0)
            log.append(name + " out")
    await asyncio.gather(critical("a", 2), critical("b", 1), critical("c", 0))
    print(log)
    print(lock.locked(), repr(lock).split(" [")[1], repr(lock).startswith("<asyncio.locks.Lock object at 0x"))
    print(await lock.acquire(), lock.locked())
    lock.release()
    try:
        lock.release()
    except RuntimeError as e:
        print("RuntimeError", e)
    ev = asyncio.Event()
    print(ev.is_set(), repr(ev).split(" [")[1])
    async def wait_ev(name):
        r = await ev.wait()
        log.append("%s woke %s" % (name, r))
    log.clear()
    ws = [asyncio.create_task(wait_ev(n)) for n in "xyz"]
    await asyncio.sleep(0)
    log.append("setting")
    ev.set()
    await asyncio.gather(*ws)
    print(log, ev.is_set())
    ev.clear()
    print(ev.is_set(), await asyncio.wait_for(asyncio.shield(asyncio.sleep(0, "ok")), 1))
    sem = asyncio.Semaphore(2)
    running = []
    peak = [0]
    async def limited(i):
        async with sem:
            running.append(i)
            peak[0] = max(peak[0], len(running))
            await asyncio.sleep(0.01 * (i % 3 + 1))
            running.remove(i)
            return i
    print(await asyncio.gather(*(limited(i) for i in range(6))), "peak", peak[0])
    print(sem.locked(), repr(sem).split(" [")[1])
    bs = asyncio.BoundedSemaphore(1)
    async with bs:
        print("inside", bs.locked())
    try:
        bs.release()
    except ValueError as e:
        print("ValueError", e)
    try:
        asyncio.Semaphore(-1)
    except ValueError as e:
        print("ValueError", e)
    async def acquire_release():
        await sem.acquire()
        try:
            return sem.locked()
        finally:
            sem.release()
    print(await acquire_release())
asyncio.run(main())

import asyncio

async def limited(sem, lock, i, log):
    async with sem:
        v = await afetch(i)
        async with lock:
            log.append(v)
        return v

async def producer(q, n):
    for i in range(n):
        await q.put(await afetch(i))
    await q.put(None)

async def consumer(q, out):
    while True:
        item = await q.get()
        q.task_done()
        if item is None:
            return out
        out.append(item)

async def slow(i):
    await asyncio.sleep(i)
    return await afetch(i)

async def main():
    sem, lock, log = asyncio.Semaphore(2), asyncio.Lock(), []
    ev = asyncio.Event()
    print("limited", await asyncio.gather(*[limited(sem, lock, i, log) for i in range(4)]), log)
    q = asyncio.Queue(maxsize=2)
    out = []
    await asyncio.gather(producer(q, 3), consumer(q, out))
    print("queue", out)
    print("wait_for", await asyncio.wait_for(afetch(7), timeout=5))
    done, pending = await asyncio.wait([asyncio.create_task(slow(i)) for i in range(3)], return_when=asyncio.FIRST_COMPLETED)
    print("wait", sorted(t.result() for t in done), len(pending))
    for t in pending:
        t.cancel()
    res = []
    for f in asyncio.as_completed([slow(2), slow(1)]):
        res.append(await f)
    print("as_completed", res)
    async def setter():
        await asyncio.sleep(0)
        ev.set()
        return await afetch(9)
    print("event", await asyncio.gather(ev.wait(), setter()))
    sh = asyncio.shield(slow(3))
    print("shield", await sh)
    t = asyncio.create_task(slow(5))
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("cancelled", t.cancelled())
    return "end"

print(asyncio.run(main()))

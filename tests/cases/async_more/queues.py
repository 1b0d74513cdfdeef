import asyncio
async def producer(q, name, n, log):
    for i in range(n):
        await q.put("%s%d" % (name, i))
        log.append("put %s%d (size %d)" % (name, i, q.qsize()))
async def consumer(q, name, log):
    while True:
        item = await q.get()
        if item is None:
            q.task_done()
            log.append(name + " stops")
            return
        log.append("%s got %s" % (name, item))
        await asyncio.sleep(0)
        q.task_done()
async def main():
    log = []
    q = asyncio.Queue(maxsize=2)
    print(q.maxsize, q.empty(), q.full(), q.qsize())
    consumers = [asyncio.create_task(consumer(q, "c%d" % i, log)) for i in range(2)]
    await asyncio.gather(producer(q, "a", 3, log), producer(q, "b", 2, log))
    await q.join()
    log.append("joined")
    for _ in consumers:
        await q.put(None)
    await asyncio.gather(*consumers)
    print("\n".join(log))
    q2 = asyncio.Queue()
    try:
        q2.get_nowait()
    except asyncio.QueueEmpty as e:
        print("empty:", type(e).__name__, repr(e), isinstance(e, Exception))
    q3 = asyncio.Queue(1)
    q3.put_nowait(1)
    try:
        q3.put_nowait(2)
    except asyncio.QueueFull:
        print("full:", q3.full(), q3)
    try:
        q2.task_done()
    except ValueError as e:
        print(e)
    lq = asyncio.LifoQueue()
    pq = asyncio.PriorityQueue()
    for v in [3, 1, 4, 1, 5, 9, 2, 6]:
        lq.put_nowait(v)
        pq.put_nowait((v % 3, v))
    print([lq.get_nowait() for _ in range(lq.qsize())])
    print([pq.get_nowait() for _ in range(pq.qsize())])
    q4 = asyncio.Queue()
    async def late_put():
        await asyncio.sleep(0.01)
        q4.put_nowait("late")
    asyncio.create_task(late_put())
    print(await q4.get())
    print(str(q4), q4.qsize())
    q4.put_nowait([1, 2])
    print(str(q4))
    getter = asyncio.create_task(q2.get())
    await asyncio.sleep(0)
    getter.cancel()
    await asyncio.sleep(0)
    print(getter.cancelled(), q2.empty())
    q2.put_nowait("x")
    print(await q2.get())
asyncio.run(main())

import asyncio
async def job(name, delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise ValueError(name)
    return name
async def main():
    coros = [job("slow", 0.03), job("fast", 0.01), job("mid", 0.02)]
    for nxt in asyncio.as_completed(coros):
        print("completed:", await nxt)
    it = asyncio.as_completed([job("a", 0.01), job("never", 1)], timeout=0.02)
    print(await next(it))
    try:
        await next(it)
    except asyncio.TimeoutError:
        print("as_completed timed out")
    tasks = [asyncio.create_task(job(n, d, f)) for n, d, f in
             [("t1", 0.01, False), ("t2", 0.02, True), ("t3", 0.03, False)]]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print(sorted(t.result() for t in done), len(pending))
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    print(sorted(t.get_name() == tasks[1].get_name() for t in done), len(done), len(pending))
    done, pending = await asyncio.wait(tasks)
    print(len(done), len(pending), [t.exception() is not None for t in tasks])
    t4 = asyncio.create_task(job("t4", 1))
    done, pending = await asyncio.wait([t4], timeout=0.01)
    print(len(done), len(pending), t4.done())
    t4.cancel()
    for bad in ([], [job("c", 0)]):
        try:
            await asyncio.wait(bad)
        except (ValueError, TypeError) as e:
            print(type(e).__name__, e)
    try:
        await asyncio.wait(tasks, return_when="SOMETIMES")
    except ValueError as e:
        print(e)
    print(asyncio.FIRST_COMPLETED, asyncio.FIRST_EXCEPTION, asyncio.ALL_COMPLETED)
    inner = asyncio.create_task(job("shielded", 0.02))
    outer = asyncio.shield(inner)
    await asyncio.sleep(0.01)
    outer.cancel()
    try:
        await outer
    except asyncio.CancelledError:
        print("outer cancelled; inner running:", not inner.done())
    print(await inner)
    print(await asyncio.shield(job("direct", 0)))
    try:
        await asyncio.wait_for(asyncio.shield(inner2 := asyncio.create_task(job("s2", 0.05))), 0.01)
    except asyncio.TimeoutError:
        print("timeout but shielded task goes on:", inner2.cancelled())
    print(await inner2)
asyncio.run(main())

import asyncio
async def worker(name, log):
    log.append(name + " start")
    try:
        for i in range(5):
            await asyncio.sleep(0)
            log.append("%s %d" % (name, i))
    except asyncio.CancelledError as e:
        log.append("%s cancelled %r" % (name, e.args))
        raise
    finally:
        log.append(name + " finally")
async def main():
    log = []
    t = asyncio.create_task(worker("w", log))
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print(t.cancel(), t.cancelling(), t.done())
    await asyncio.sleep(0)
    print(t.done(), t.cancelled())
    print(log)
    try:
        t.result()
    except asyncio.CancelledError as e:
        print("result() raises", type(e).__name__)
    print(t.cancel())
    print(issubclass(asyncio.CancelledError, BaseException), issubclass(asyncio.CancelledError, Exception))
    log.clear()
    t2 = asyncio.create_task(worker("early", log))
    t2.cancel("before start")
    try:
        await t2
    except asyncio.CancelledError as e:
        print("early:", e.args, log)
    async def stubborn():
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            return "kept going"
    t3 = asyncio.create_task(stubborn())
    await asyncio.sleep(0)
    t3.cancel()
    print(await t3, t3.cancelled(), t3.cancelling(), t3.uncancel(), t3.cancelling())
    async def waiter(fut):
        return await fut
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    t4 = asyncio.create_task(waiter(fut))
    await asyncio.sleep(0)
    fut.cancel("fut msg")
    try:
        await t4
    except asyncio.CancelledError as e:
        print("t4:", e.args, fut.cancelled(), t4.cancelled())
    try:
        try:
            await worker("catch-all", log)
        except Exception:
            print("never")
    finally:
        pass
    async def self_cancel():
        asyncio.current_task().cancel()
        await asyncio.sleep(0)
        return "unreachable"
    try:
        await asyncio.create_task(self_cancel())
    except asyncio.CancelledError:
        print("self cancelled")
asyncio.run(main())

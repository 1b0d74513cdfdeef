import asyncio
def blocking(x, scale=1):
    return x * scale
async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(0.01) as tm:
            print(repr(tm).startswith("<Timeout [active] when="), tm.expired())
            await asyncio.sleep(1)
    except TimeoutError as e:
        print("timed out:", type(e).__name__, type(e.__cause__).__name__, tm.expired(), repr(tm))
    async with asyncio.timeout(1) as tm:
        await asyncio.sleep(0.01)
    print("in time:", tm.expired(), repr(tm))
    async with asyncio.timeout(None) as tm:
        await asyncio.sleep(0.01)
        print(tm.when())
        tm.reschedule(loop.time() + 0.01)
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            print("cancelled inside, becomes TimeoutError at exit")
            raise
    print("unreachable")
async def outer():
    try:
        await main()
    except TimeoutError:
        print("TimeoutError reached outer")
    try:
        async with asyncio.timeout_at(asyncio.get_running_loop().time() - 1):
            await asyncio.sleep(0)
    except TimeoutError:
        print("deadline in the past")
    t = asyncio.timeout(1)
    try:
        t.reschedule(0)
    except RuntimeError as e:
        print(e)
    print(await asyncio.to_thread(blocking, 21, scale=2))
    loop = asyncio.get_running_loop()
    print(await loop.run_in_executor(None, blocking, "ab", 3))
    def fails():
        raise OSError("no thread")
    try:
        await asyncio.to_thread(fails)
    except OSError as e:
        print("to_thread error:", e)
    results = await asyncio.gather(asyncio.to_thread(blocking, 1), asyncio.to_thread(blocking, 2, scale=10))
    print(results)
asyncio.run(outer())

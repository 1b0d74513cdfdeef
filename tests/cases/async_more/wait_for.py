import asyncio
async def slow(tag, delay):
    try:
        await asyncio.sleep(delay)
        return tag
    except asyncio.CancelledError:
        print("  ", tag, "was cancelled")
        raise
    finally:
        print("  ", tag, "finally")
async def main():
    print(await asyncio.wait_for(slow("fast", 0.01), timeout=1))
    try:
        await asyncio.wait_for(slow("too slow", 1), timeout=0.02)
    except asyncio.TimeoutError as e:
        print("timeout:", type(e).__name__, repr(e), type(e.__cause__).__name__,
              e.__suppress_context__, isinstance(e, TimeoutError))
    print(await asyncio.wait_for(slow("no timeout", 0.01), None))
    t = asyncio.create_task(slow("task", 0.05))
    try:
        await asyncio.wait_for(t, 0.01)
    except TimeoutError:
        print("task timed out; cancelled:", t.cancelled())
    try:
        await asyncio.wait_for(slow("zero", 0.01), 0)
    except TimeoutError:
        print("zero timeout")
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    f.set_result("ready")
    print(await asyncio.wait_for(f, 0))
    async def fails():
        await asyncio.sleep(0)
        raise KeyError("inner")
    try:
        await asyncio.wait_for(fails(), 1)
    except KeyError as e:
        print("inner error passes through:", repr(e))
    async def swallow():
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            return "swallowed"
    print(await asyncio.wait_for(swallow(), 0.01))
    async def outer():
        return await asyncio.wait_for(slow("nested", 1), 5)
    ot = asyncio.create_task(outer())
    await asyncio.sleep(0.01)
    ot.cancel()
    try:
        await ot
    except asyncio.CancelledError:
        print("outer cancelled, inner cleaned up")
asyncio.run(main())

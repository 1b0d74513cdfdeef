import asyncio
class TaskFailed(Exception):
    pass
async def ok(v):
    await asyncio.sleep(0)
    return v
async def fail(msg):
    await asyncio.sleep(0)
    raise TaskFailed(msg)
async def fail_immediately():
    raise ValueError("immediate")
async def main():
    results = await asyncio.gather(ok(1), fail("second"), ok(3), fail_immediately(), return_exceptions=True)
    for r in results:
        print(type(r).__name__, r)
    try:
        await asyncio.gather(ok(1), fail("boom"), ok(3))
    except TaskFailed as e:
        print("gather raised:", type(e).__name__, e)
    try:
        await asyncio.gather(fail_immediately(), fail("later"))
    except Exception as e:
        print("first exception wins:", type(e).__name__, e)
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    r = await asyncio.gather(ok("x"), return_exceptions=False)
    print(r)
asyncio.run(main())

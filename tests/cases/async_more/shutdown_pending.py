import asyncio
async def background(name, delay):
    try:
        print(name, "started")
        await asyncio.sleep(delay)
        print(name, "finished")
    except asyncio.CancelledError:
        print(name, "cancelled at shutdown")
        raise
    finally:
        print(name, "cleanup")
async def stubborn():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("stubborn ignores the cancel")
        await asyncio.sleep(0)
        print("stubborn done")
        return "late"
async def main():
    asyncio.create_task(background("quick", 0.01))
    asyncio.create_task(background("long", 10))
    asyncio.create_task(stubborn())
    await asyncio.sleep(0.02)
    print("main returns")
    return "main result"
print(asyncio.run(main()))
async def raises():
    asyncio.create_task(background("orphan", 5))
    await asyncio.sleep(0)
    raise LookupError("main failed")
try:
    asyncio.run(raises())
except LookupError as e:
    print("caught", repr(e))

# A task cancelled before its first step ends cancelled, whatever its
# coroutine (asyncio.sleep, wait_for, a user coroutine).
import asyncio
async def main():
    t = asyncio.create_task(asyncio.sleep(1, "r"))
    print(t.cancel())
    try:
        r = await t
        print("got", r)
    except asyncio.CancelledError:
        print("cancelled")
    print(t.cancelled(), t.done())
    t2 = asyncio.create_task(asyncio.sleep(0.5, "x"))
    await asyncio.sleep(0)
    t2.cancel()
    try:
        await t2
    except asyncio.CancelledError:
        print("cancelled2")
    print(t2.cancelled())
    f = asyncio.get_running_loop().create_future()
    t3 = asyncio.ensure_future(asyncio.wait_for(f, 5))
    t3.cancel()
    try:
        await t3
    except asyncio.CancelledError:
        print("cancelled3")
asyncio.run(main())

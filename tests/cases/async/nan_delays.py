# A NaN delay is due at once, as in CPython 3.11 (no comparison with NaN
# holds, so the loop runs it on its next turn): sleep returns, wait_for
# times out.
import asyncio

async def slow():
    await asyncio.sleep(1)
    return "slow"

async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    print(await asyncio.sleep(float("nan"), "woke"))
    print(round(loop.time() - t0, 3))
    try:
        await asyncio.wait_for(slow(), float("nan"))
    except asyncio.TimeoutError:
        print("TimeoutError")

asyncio.run(main())

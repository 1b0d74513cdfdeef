import asyncio

# A task schedules callbacks until the loop's ready queue is full, then
# pauses at a plain host call: its step goes back to the front of the
# queue, and every callback still runs, in order.
async def main():
    loop = asyncio.get_running_loop()
    for n in (15, 16, 31, 32):
        out = []
        for i in range(n):
            loop.call_soon(out.append, i)
        v = fetch(n)
        await asyncio.sleep(0)
        print(n, v, out == list(range(n)), len(out))

asyncio.run(main())

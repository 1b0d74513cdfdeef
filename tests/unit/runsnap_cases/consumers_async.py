# A drain inside a coroutine stepped by asyncio: a plain tool call in the
# drained generator pauses the whole loop (the coroutine keeps its frames).
import asyncio
async def job(xs):
    await asyncio.sleep(0)
    return sum(fetch(x) for x in xs), list(fetch(x) for x in xs)
async def main():
    a = await job([1, 2])
    b = await asyncio.gather(job([3]), job([4, 5]))
    return a, b
print(asyncio.run(main()))
# asyncio.run inside a drained generator: the run pauses in its loop (the
# CALL of asyncio.run runs again on resume), the drain below it
async def one(i):
    return await afetch(i) + 1
print(sum(asyncio.run(one(i)) for i in range(3)), list(asyncio.run(one(i)) for i in [7]))

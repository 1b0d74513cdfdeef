import asyncio

async def worker(name, n):
    print("start", name)
    v = await afetch(n)
    print("done", name, v)
    return v

async def main():
    results = await asyncio.gather(afetch(1), afetch(2), afetch(3))
    print("gather", results)
    both = await asyncio.gather(worker("a", 4), worker("b", 5))
    print("workers", both)
    try:
        await aboom("async failure")
    except ValueError as e:
        print("caught", e)
    t = asyncio.create_task(afetch("task"))
    print("task result", await t)
    print("sync in coroutine", fetch(6))
    out = await asyncio.gather(afetch(7), aboom("x"), return_exceptions=True)
    print("mixed", out)
    return sum(results)

print("main ->", asyncio.run(main()))

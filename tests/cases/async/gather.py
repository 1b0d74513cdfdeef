import asyncio
async def worker(name, steps, log):
    for i in range(steps):
        log.append("%s:%d" % (name, i))
        await asyncio.sleep(0)
    return name.upper() * steps
async def main():
    log = []
    results = await asyncio.gather(worker("a", 3, log), worker("b", 1, log), worker("c", 2, log))
    print(results)
    print(log)
    empty = await asyncio.gather()
    print(empty, type(empty).__name__)
    single = await asyncio.gather(worker("z", 0, log))
    print(single)
    async def value(v):
        return v
    vals = await asyncio.gather(*[value(i * i) for i in range(6)])
    print(vals)
    nested = await asyncio.gather(asyncio.gather(value(1), value(2)), value(3))
    print(nested)
asyncio.run(main())

import asyncio
events = []
async def step(name, n):
    for i in range(n):
        events.append("%s%d" % (name, i))
        await asyncio.sleep(0)
    return name
async def main():
    a = asyncio.create_task(step("a", 3))
    events.append("created a")
    await asyncio.sleep(0)
    events.append("main after first sleep")
    b = asyncio.create_task(step("b", 2))
    res = await asyncio.gather(step("g", 2), b)
    events.append("gather done %s" % res)
    events.append("a done? %s" % a.done())
    await a
    events.append("a awaited")
    tasks = [asyncio.create_task(step(c, 1)) for c in "xyz"]
    events.append("xyz created")
    for t in reversed(tasks):
        events.append("await " + await t)
asyncio.run(main())
print("\n".join(events))

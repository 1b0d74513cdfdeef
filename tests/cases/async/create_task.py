import asyncio
log = []
async def job(name, n):
    log.append(name + " started")
    for i in range(n):
        await asyncio.sleep(0)
        log.append("%s step %d" % (name, i))
    log.append(name + " finished")
    return name + "-result"
async def main():
    t1 = asyncio.create_task(job("t1", 2))
    t2 = asyncio.create_task(job("t2", 1))
    log.append("tasks created")
    print("done before await:", t1.done(), t2.done())
    r2 = await t2
    log.append("awaited t2: " + r2)
    r1 = await t1
    log.append("awaited t1: " + r1)
    print("done after await:", t1.done(), t1.result(), t2.result())
    t3 = asyncio.create_task(job("t3", 0))
    await asyncio.sleep(0)
    log.append("t3 done? %s" % t3.done())
    print(await t3, await t3)
asyncio.run(main())
for line in log:
    print(line)

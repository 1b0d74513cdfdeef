import asyncio

# Pauses while tasks wait on a Condition (wait() and wait_for()), inside an
# active asyncio.timeout(), and with to_thread()/run_in_executor() work
# still queued (a plain fetch() in a task pauses with the loop's ready
# queue as it is).

def double(x, extra=0):
    return x * 2 + extra

async def waiter(cond, log, name):
    async with cond:
        log.append(name + " waits")
        got = await cond.wait()
        log.append(name + " woken " + str(got))
        return name

async def pred_waiter(cond, box, log):
    async with cond:
        v = await cond.wait_for(lambda: box[0] >= 2)
        log.append("pred " + str(v) + " " + str(box[0]))
        return box[0]

async def conditions():
    cond, box, log = asyncio.Condition(), [0], []
    tasks = [asyncio.create_task(waiter(cond, log, "a")), asyncio.create_task(waiter(cond, log, "b")),
             asyncio.create_task(pred_waiter(cond, box, log))]
    await asyncio.sleep(0)
    for step in range(2):
        v = await afetch(step + 1)
        async with cond:
            box[0] += 1
            log.append("notify " + str(v))
            cond.notify()
        await asyncio.sleep(0)
    x = fetch(3) # plain host call: a pause with tasks still waiting
    async with cond:
        box[0] += 1
        cond.notify_all()
    print("cond", await asyncio.gather(*tasks), x, cond.locked())
    print("log", log)

async def cond_cancelled():
    cond = asyncio.Condition()
    async def w():
        async with cond:
            try:
                await cond.wait()
            except asyncio.CancelledError:
                return "cancelled, locked " + str(cond.locked())
    t = asyncio.create_task(w())
    await asyncio.sleep(0)
    v = await afetch(4)
    async with cond:
        t.cancel()
        await asyncio.sleep(0)
    print("cancel", await t, v)

async def timeouts():
    start = asyncio.get_running_loop().time()
    async with asyncio.timeout(10) as tm:
        v = await afetch(1)
        w = fetch(2)
        print("in timeout", v, w, round(tm.when() - start), tm.expired())
    print("after", tm.expired(), repr(tm))
    try:
        async with asyncio.timeout(1) as tm2:
            got = await afetch(5)
            print("got", got)
            await asyncio.sleep(5)
            print("not reached")
    except TimeoutError:
        print("timed out", tm2.expired(), repr(tm2))
    async with asyncio.timeout(None) as tm3:
        v = await afetch(6)
        tm3.reschedule(start + 50)
        w = await afetch(7)
    print("rescheduled", v, w, round(tm3.when() - start), tm3.expired())
    async with asyncio.timeout(0) as tm4:
        v = fetch(8) # the timeout's handle is queued (due at once)
    print("zero", v, tm4.expired())

async def plain(x):
    return fetch(x)

async def executors():
    loop = asyncio.get_running_loop()
    fut = loop.run_in_executor(None, double, 3)
    v = fetch(1) # the executor's work is still queued
    print("executor", await fut, v)
    print("to_thread", await asyncio.gather(asyncio.to_thread(double, 4, extra=1), plain(2)))
    t = asyncio.create_task(asyncio.to_thread(double, 5))
    await asyncio.sleep(0)
    w = fetch(3)
    print("task", await t, w)
    async def bad():
        return await asyncio.to_thread(double, "x", extra=1)
    t2 = asyncio.create_task(bad())
    await asyncio.sleep(0)
    z = fetch(4)
    try:
        await t2
    except TypeError as e:
        print("raised", e, z)

async def main():
    await conditions()
    await cond_cancelled()
    await timeouts()
    await executors()
    return "end"

print(asyncio.run(main()))

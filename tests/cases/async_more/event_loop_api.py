import asyncio
async def compute(x):
    await asyncio.sleep(0)
    return x * 2
try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print("RuntimeError", e)
try:
    asyncio.create_task(compute(1))
except RuntimeError as e:
    print("RuntimeError", e)
loop = asyncio.get_event_loop()
print(loop is asyncio.get_event_loop(), loop.is_running(), loop.is_closed())
print(loop.run_until_complete(compute(21)))
t = loop.create_task(compute(5))
print(t.done(), loop.run_until_complete(t), t.done())
fut = loop.create_future()
loop.call_soon(fut.set_result, "via call_soon")
print(loop.run_until_complete(fut))
async def check_running():
    running = asyncio.get_running_loop()
    return running is loop, running.is_running(), asyncio.get_event_loop() is running
print(loop.run_until_complete(check_running()))
async def nested():
    try:
        loop.run_until_complete(compute(1))
    except RuntimeError as e:
        return str(e)
print(loop.run_until_complete(nested()))
loop.close()
print(loop.is_closed())
try:
    loop.run_until_complete(compute(1))
except RuntimeError as e:
    print("RuntimeError", e)
new = asyncio.new_event_loop()
asyncio.set_event_loop(new)
print(asyncio.get_event_loop() is new, new is not loop)
print(new.run_until_complete(asyncio.gather(compute(1), compute(2))))
new.close()
async def main():
    me = asyncio.current_task()
    print(me.get_name(), type(me).__name__, isinstance(me, asyncio.Future), isinstance(me, asyncio.Task))
    t = asyncio.create_task(compute(3), name="worker")
    print(t.get_name(), len(asyncio.all_tasks()), me in asyncio.all_tasks())
    t.set_name("renamed")
    print(t.get_name(), await t, len(asyncio.all_tasks()))
    u = asyncio.create_task(compute(4))
    print(u.get_name())
    await u
    print(asyncio.iscoroutinefunction(compute), asyncio.iscoroutinefunction(print),
          asyncio.iscoroutinefunction(asyncio.sleep), asyncio.iscoroutine(compute(0).__await__) if False else asyncio.iscoroutine(5))
    c = compute(1)
    print(asyncio.iscoroutine(c), asyncio.isfuture(c), asyncio.isfuture(t))
    await c
    try:
        t.set_result(1)
    except RuntimeError as e:
        print(e)
    try:
        asyncio.create_task(42)
    except TypeError as e:
        print(e)
    print(t.get_coro().__name__ if hasattr(t.get_coro(), "__name__") else "?")
    print(asyncio.get_running_loop().get_debug())
asyncio.run(main())
try:
    asyncio.get_event_loop()
except RuntimeError as e:
    print("RuntimeError", e)
async def named():
    return asyncio.current_task().get_name()
print(asyncio.run(named()), asyncio.run(named()))

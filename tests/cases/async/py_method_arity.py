# asyncio's Python-level methods and functions word their arity errors as a
# def, self counted, as in CPython.
import asyncio
def check(fn):
    try: fn(); print('ok')
    except Exception as e: print(type(e).__name__+':', e)
async def main():
    loop = asyncio.get_running_loop()
    check(lambda: loop.time(1))
    check(lambda: loop.create_future(1))
    check(lambda: loop.is_running(1))
    check(lambda: asyncio.Lock().locked(1))
    check(lambda: asyncio.Lock().release(1))
    check(lambda: asyncio.Event().is_set(1))
    check(lambda: asyncio.Event().wait(1))
    check(lambda: asyncio.Condition().wait_for())
    check(lambda: asyncio.Condition().notify_all(1))
    check(lambda: asyncio.Queue().qsize(1))
    check(lambda: asyncio.Queue().get_nowait(1))
    check(lambda: asyncio.Queue().put_nowait())
    check(lambda: asyncio.Queue().task_done(1))
    check(lambda: asyncio.Queue().put_nowait(1, x=2))
    check(lambda: asyncio.iscoroutine())
    check(lambda: asyncio.isfuture(1, 2))
    check(lambda: asyncio.shield())
    check(lambda: asyncio.timeout())
    check(lambda: loop.run_until_complete())
    check(lambda: loop.set_debug())
asyncio.run(main())
for f in [lambda: asyncio.Lock(1), lambda: asyncio.Event(1), lambda: asyncio.Lock(x=1)]:
    try: f()
    except TypeError as e: print(e)

# krait-only expectation: sandbox escape attempts must fail
# Coroutine and async-generator frames and code objects are not reachable.
import asyncio
def attempt(thunk):
    try:
        leak = thunk()
        # an empty frame list (Task.get_stack()) reaches nothing
        print("blocked" if leak == [] else "LEAK " + type(leak).__name__)
    except AttributeError:
        print("blocked")
async def coro():
    await asyncio.sleep(0)
    return 1
async def agen():
    yield 1
async def main():
    c = coro()
    attempt(lambda: c.cr_frame)
    attempt(lambda: c.cr_code)
    attempt(lambda: c.cr_frame.f_globals)
    await c
    a = agen()
    attempt(lambda: a.ag_frame)
    attempt(lambda: a.ag_code)
    async for _ in a:
        pass
    t = asyncio.create_task(coro())
    attempt(lambda: t.get_coro().cr_frame)
    attempt(lambda: t.get_stack())
    await t
asyncio.run(main())
print("done")

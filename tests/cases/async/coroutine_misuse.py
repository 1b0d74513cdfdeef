import asyncio
async def value():
    return 42
async def main():
    c = value()
    print(await c)
    try:
        await c
    except RuntimeError as e:
        print(type(e).__name__, e)
    for bad in (5, None, "s", [1]):
        try:
            await bad
        except TypeError as e:
            print(type(e).__name__, e)
    class NotAwaitable:
        pass
    try:
        await NotAwaitable()
    except TypeError as e:
        print(type(e).__name__, e)
    class BadAwait:
        def __await__(self):
            return 5
    try:
        await BadAwait()
    except TypeError as e:
        print(type(e).__name__, e)
    c2 = value()
    try:
        asyncio.run(c2)
    except RuntimeError as e:
        print(type(e).__name__, e)
    print("coroutine still usable:", await c2)
    return "main ok"
print(asyncio.run(main()))
try:
    asyncio.run(5)
except ValueError as e:
    print(type(e).__name__, e)
def not_async():
    return 1
try:
    asyncio.run(not_async())
except ValueError as e:
    print(type(e).__name__, e)

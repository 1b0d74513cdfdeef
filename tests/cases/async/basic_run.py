import asyncio
async def add(a, b):
    return a + b
async def chain(n):
    total = 0
    for i in range(n):
        total = await add(total, i)
    return total
async def main():
    print("main start")
    r = await add(2, 3)
    print("add ->", r)
    print("chain ->", await chain(10))
    await asyncio.sleep(0)
    print("after sleep(0)")
    v = await asyncio.sleep(0, result="sleep result")
    print(v)
    return "main done"
print(asyncio.run(main()))
async def nothing():
    pass
print(asyncio.run(nothing()))
c = add(1, 1)
print(type(c).__name__)
print(asyncio.run(c))
async def nested_calls(depth):
    if depth == 0:
        return ["bottom"]
    inner = await nested_calls(depth - 1)
    return inner + ["level %d" % depth]
print(asyncio.run(nested_calls(3)))
print(add.__name__, add.__qualname__)

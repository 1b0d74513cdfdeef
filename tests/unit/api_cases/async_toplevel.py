import asyncio

async def one(i):
    r = await afetch(i, scale=2)
    return r + fetch(i)

values = await asyncio.gather(*[one(i) for i in range(4)])
print(values)
print(await afetch("top"))
for i in range(2):
    print("loop", await afetch(i))

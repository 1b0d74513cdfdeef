async def main():
    async with a() as b:
        await b
    result = await asyncio.gather(*[f(i) for i in range(10)])
    async for x in y:
        print(x)
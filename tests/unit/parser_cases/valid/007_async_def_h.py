async def h():
    await x
    async for i in y:
        pass
    async with a as b, c:
        pass
    return [i async for i in z]
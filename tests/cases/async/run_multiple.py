import asyncio
state = {"runs": 0}
async def once(tag):
    state["runs"] += 1
    await asyncio.sleep(0)
    return "%s #%d" % (tag, state["runs"])
for tag in ("first", "second", "third"):
    print(asyncio.run(once(tag)))
async def spawn_and_forget():
    async def bg():
        await asyncio.sleep(0)
        print("background task ran")
    t = asyncio.create_task(bg())
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    return t.done()
print(asyncio.run(spawn_and_forget()))

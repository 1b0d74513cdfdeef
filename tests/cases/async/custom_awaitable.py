import asyncio
class Ready:
    def __init__(self, value):
        self.value = value
    def __await__(self):
        return self._gen()
    def _gen(self):
        return self.value
        yield
class Deferred:
    def __init__(self, value, hops):
        self.value = value
        self.hops = hops
    def __await__(self):
        for _ in range(self.hops):
            yield from asyncio.sleep(0).__await__()
        return self.value
async def main():
    print(await Ready("immediate"))
    print(await Deferred("after hops", 3))
    log = []
    async def track(name, aw):
        v = await aw
        log.append(name)
        return v
    res = await asyncio.gather(track("slow", Deferred(1, 3)), track("fast", Deferred(2, 1)), track("now", Ready(3)))
    print(res, log)
asyncio.run(main())

import asyncio
class Client:
    calls = 0
    def __init__(self, name):
        self.name = name
        self.cache = {}
    async def get(self, key):
        Client.calls += 1
        if key in self.cache:
            return self.cache[key]
        await asyncio.sleep(0)
        value = "%s:%s" % (self.name, key)
        self.cache[key] = value
        return value
    async def get_many(self, keys):
        return await asyncio.gather(*(self.get(k) for k in keys))
    @classmethod
    async def create(cls, name):
        await asyncio.sleep(0)
        return cls(name)
    @staticmethod
    async def version():
        return "1.0"
    async def __aenter__(self):
        return self
    async def __aexit__(self, *a):
        self.cache.clear()
async def main():
    c = await Client.create("api")
    print(await c.get("a"), await c.get("a"), Client.calls)
    print(await c.get_many(["x", "y", "a"]))
    print(await Client.version(), await c.version())
    async with await Client.create("ctx") as c2:
        await c2.get("k")
        print(c2.cache)
    print(c2.cache)
    method = c.get
    print(await method("bound"))
asyncio.run(main())

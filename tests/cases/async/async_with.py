import asyncio
class AsyncResource:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    async def __aenter__(self):
        print("aenter", self.name)
        await asyncio.sleep(0)
        return self.name.upper()
    async def __aexit__(self, exc_type, exc, tb):
        await asyncio.sleep(0)
        print("aexit", self.name, exc_type.__name__ if exc_type else None, exc)
        return self.suppress
async def main():
    async with AsyncResource("db") as conn:
        print("using", conn)
    async with AsyncResource("a") as a, AsyncResource("b") as b:
        print("two resources", a, b)
    async with AsyncResource("quiet", suppress=True):
        raise KeyError("suppressed")
    print("after suppressed")
    try:
        async with AsyncResource("loud"):
            raise ValueError("propagates")
    except ValueError as e:
        print("caught", e)
    try:
        async with AsyncResource("plain"), object():
            pass
    except TypeError as e:
        print(type(e).__name__, e)
    class SyncOnly:
        def __enter__(self):
            return self
        def __exit__(self, *a):
            return False
    try:
        async with SyncOnly():
            pass
    except TypeError as e:
        print(type(e).__name__, e)
    return "ok"
print(asyncio.run(main()))

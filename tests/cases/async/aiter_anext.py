# aiter() and anext() (the one-argument form).
import asyncio
class AI:
    def __init__(self): self.n = 0
    def __aiter__(self): return self
    async def __anext__(self):
        self.n += 1
        if self.n > 2: raise StopAsyncIteration
        return self.n
async def agen():
    yield "a"
    yield "b"
async def main():
    it = aiter(AI())
    print(await anext(it), await anext(it))
    try: await anext(it)
    except StopAsyncIteration: print('stop')
    g = agen()
    print(aiter(g) is g, await anext(g), await anext(g))
    for bad in [1, [1]]:
        try: aiter(bad)
        except TypeError as e: print(e)
        try: anext(bad)
        except TypeError as e: print(e)
    class NoNext:
        def __aiter__(self): return 5
    try: aiter(NoNext())
    except TypeError as e: print(e)
    try: aiter()
    except TypeError as e: print(e)
    try: anext()
    except TypeError as e: print(e)
asyncio.run(main())

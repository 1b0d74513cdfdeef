import asyncio
PAGES = {
    "/": ["/a", "/b", "/c"],
    "/a": ["/a/1", "/b"],
    "/b": ["/"],
    "/c": ["/c/missing", "/a/1"],
    "/a/1": [],
}
class NotFound(Exception):
    pass
fetch_log = []
async def fetch(path):
    fetch_log.append(path)
    for _ in range(len(path)):
        await asyncio.sleep(0)
    if path not in PAGES:
        raise NotFound(path)
    return PAGES[path]
async def crawl(start):
    seen = {start}
    frontier = [start]
    errors = []
    depth = 0
    while frontier:
        results = await asyncio.gather(*(fetch(p) for p in frontier), return_exceptions=True)
        nxt = []
        for path, res in zip(frontier, results):
            if isinstance(res, Exception):
                errors.append("%s: %s" % (type(res).__name__, res))
                continue
            for link in res:
                if link not in seen:
                    seen.add(link)
                    nxt.append(link)
        print("depth", depth, "fetched", frontier, "->", nxt)
        frontier = nxt
        depth += 1
    return sorted(seen), errors
async def main():
    pages, errors = await crawl("/")
    print(pages)
    print(errors)
    print(fetch_log)
    async def stage_double(src):
        async for v in src:
            yield v * 2
    async def stage_filter(src, pred):
        async for v in src:
            if pred(v):
                yield v
    async def numbers(n):
        for i in range(n):
            await asyncio.sleep(0)
            yield i
    out = [v async for v in stage_filter(stage_double(numbers(10)), lambda v: v % 3 == 0)]
    print(out)
asyncio.run(main())

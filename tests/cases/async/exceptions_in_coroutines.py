import asyncio
class FetchError(Exception):
    pass
async def fetch(url):
    await asyncio.sleep(0)
    if "bad" in url:
        raise FetchError("cannot fetch " + url)
    return "<%s>" % url
async def fetch_with_default(url, default):
    try:
        return await fetch(url)
    except FetchError as e:
        return default + " (" + str(e) + ")"
    finally:
        print("  finally for", url)
async def main():
    print(await fetch_with_default("good.com", "-"))
    print(await fetch_with_default("bad.com", "fallback"))
    try:
        await fetch("bad.org")
    except FetchError as e:
        print("caught directly:", e)
    async def wraps():
        try:
            await fetch("bad.net")
        except FetchError as e:
            raise RuntimeError("wrapped") from e
    try:
        await wraps()
    except RuntimeError as e:
        print(type(e).__name__, e, "<-", type(e.__cause__).__name__, e.__cause__)
    task = asyncio.create_task(fetch("bad.io"))
    try:
        await task
    except FetchError as e:
        print("task exception:", e, task.done(), type(task.exception()).__name__)
    try:
        task.result()
    except FetchError as e:
        print("result() re-raises:", e)
asyncio.run(main())

# A NUL inside an exception message reaches stderr whole.
import asyncio
try:
    asyncio.Queue().get_nowait()
except asyncio.QueueEmpty as e:
    print(type(e).__module__, repr(e))
raise ValueError("before\x00after")

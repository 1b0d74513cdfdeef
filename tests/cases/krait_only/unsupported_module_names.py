# A name of CPython's module that krait does not provide is a
# NotImplementedError naming it, not an AttributeError that reads like a
# typo; a name CPython lacks too stays an AttributeError.
import asyncio

for name in ("TaskGroup", "open_connection", "create_subprocess_exec"):
    try:
        getattr(asyncio, name)
    except NotImplementedError as e:
        print(type(e).__name__, e)
try:
    asyncio.no_such_name
except AttributeError as e:
    print(type(e).__name__, e)
from asyncio import TaskGroup

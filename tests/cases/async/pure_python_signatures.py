# asyncio's and typing's functions that CPython writes in Python word their
# call errors as a def does.
import asyncio
import typing

def check(call):
    try:
        call()
        print("ok")
    except TypeError as e:
        print("TypeError:", e)

check(lambda: asyncio.sleep())
check(lambda: asyncio.sleep(0, 1, 2))
check(lambda: asyncio.sleep(0, bad=1))
check(lambda: asyncio.sleep(1, delay=2))
check(lambda: asyncio.run())
check(lambda: asyncio.run(1, 2, 3))
check(lambda: asyncio.wait_for(1))
check(lambda: asyncio.wait_for(1, 2, 3))
check(lambda: asyncio.wait())
check(lambda: asyncio.as_completed())
check(lambda: asyncio.ensure_future())
check(lambda: asyncio.create_task())
check(lambda: asyncio.current_task(1, 2))
check(lambda: asyncio.Semaphore(1, 2, 3))
check(lambda: asyncio.Semaphore(x=1))
check(lambda: asyncio.Condition(1, 2))
check(lambda: asyncio.Queue(1, 2))
check(lambda: asyncio.Queue().put())
check(lambda: asyncio.Condition().notify(1, 2))
check(lambda: asyncio.new_event_loop().create_task())
check(lambda: typing.NewType('X'))
check(lambda: typing.NewType('X', int, 3))
check(lambda: typing.cast(int))
check(lambda: typing.assert_type(1))
check(lambda: typing.assert_type(val=1, typ=int))
check(lambda: typing.get_type_hints())
check(lambda: typing.get_origin())
check(lambda: typing.final())

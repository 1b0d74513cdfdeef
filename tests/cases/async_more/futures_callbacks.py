import asyncio
async def main():
    loop = asyncio.get_running_loop()
    order = []
    f = loop.create_future()
    print(repr(f), f.done(), f.cancelled(), f.get_loop() is loop, asyncio.isfuture(f))
    for name in ("first", "second"):
        f.add_done_callback(lambda fut, n=name: order.append((n, fut.result())))
    def cb3(fut):
        order.append(("third", fut.result()))
    f.add_done_callback(cb3)
    print(f.remove_done_callback(cb3), f.remove_done_callback(cb3))
    for meth in (f.result, f.exception):
        try:
            meth()
        except asyncio.InvalidStateError as e:
            print(type(e).__name__, e)
    loop.call_soon(order.append, "soon-1")
    f.set_result(42)
    loop.call_soon(order.append, "soon-2")
    print(repr(f), order)
    await asyncio.sleep(0)
    print(order)
    for bad in (lambda: f.set_result(1), lambda: f.set_exception(ValueError())):
        try:
            bad()
        except asyncio.InvalidStateError as e:
            print(type(e).__name__, e)
    g = loop.create_future()
    g.set_exception(ValueError)
    print(repr(g), type(g.exception()).__name__)
    try:
        await g
    except ValueError as e:
        print("awaited exception:", repr(e))
    try:
        loop.create_future().set_exception(StopIteration(1))
    except TypeError as e:
        print(e)
    try:
        loop.create_future().set_exception(5)
    except TypeError as e:
        print(e)
    h = loop.create_future()
    print(h.cancel(), h.cancel(), repr(h), h.cancelled())
    try:
        h.result()
    except asyncio.CancelledError as e:
        print("cancelled future:", repr(e))
    late = loop.create_future()
    late.set_result("x")
    late.add_done_callback(lambda fut: order.append("late cb"))
    order.clear()
    await asyncio.sleep(0)
    print(order)
    t0 = loop.time()
    marks = []
    loop.call_later(0.02, marks.append, "later-2")
    loop.call_later(0.01, marks.append, "later-1")
    loop.call_at(t0 + 0.015, marks.append, "at-1.5")
    hc = loop.call_later(0.005, marks.append, "cancelled")
    print(hc.cancelled(), type(hc).__name__)
    hc.cancel()
    print(hc.cancelled())
    await asyncio.sleep(0.03)
    print(marks)
    try:
        loop.call_soon(5)
    except TypeError as e:
        print(e)
    def boom():
        raise RuntimeError("in callback")
    loop.call_soon(boom)
    await asyncio.sleep(0)
    print("loop survived a failing callback")
    def setter(fut, v):
        fut.set_result(v)
    f2 = loop.create_future()
    loop.call_later(0.01, setter, f2, "from timer")
    print(await f2)
    fut3 = asyncio.Future()
    print(repr(fut3))
    t = asyncio.ensure_future(asyncio.sleep(0, "ensured"))
    print(type(t).__name__, asyncio.ensure_future(t) is t, await t)
    try:
        asyncio.ensure_future(42)
    except TypeError as e:
        print(e)
asyncio.run(main())

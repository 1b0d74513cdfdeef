def gen():
    x = yield 1
    y = yield from other()
    await_ = 5
# __index__ methods and iterators that change the bytearray being indexed
ba = bytearray()
class Shrink:
    def __init__(self, v):
        self.v = v
    def __index__(self):
        ba.clear()
        return self.v
class Grow:
    def __init__(self, v):
        self.v = v
    def __index__(self):
        ba.extend(b"x" * 5000)
        return self.v
def t(f):
    try:
        r = f()
        print(type(r).__name__, repr(r)[:60], len(ba))
    except Exception as e:
        print(type(e).__name__, e)
def reset():
    ba[:] = b"hello world" * 10
def st(k, v):
    ba[k] = v
    return ba
def dl(k):
    del ba[k]
    return ba
reset(); t(lambda: ba[Shrink(3)])
reset(); t(lambda: ba[Grow(3)])
reset(); t(lambda: ba[Shrink(1):Shrink(50)])
reset(); t(lambda: ba[Grow(5000):Grow(5005)])
reset(); t(lambda: st(5, Shrink(65)))
reset(); t(lambda: st(Shrink(5), 65))
reset(); t(lambda: st(Grow(5000), 65))
reset(); t(lambda: st(slice(Shrink(1), 4), b"XY"))
reset(); t(lambda: st(slice(1, 4), [Shrink(65), 66]))
reset(); t(lambda: st(slice(1, 4), [Grow(65)]))
reset(); t(lambda: dl(slice(Shrink(1), 5)))
reset(); t(lambda: dl(Shrink(0)))
reset(); t(lambda: ba.insert(Shrink(50), 65) or ba)
reset(); t(lambda: ba.insert(Grow(3), 65) or ba[:6])
reset(); t(lambda: ba.pop(Shrink(50)))
reset(); t(lambda: ba.pop(Grow(5000)))
reset(); t(lambda: ba.remove(Shrink(104)))
reset(); t(lambda: ba.append(Grow(65)) or ba[-2:])
reset(); t(lambda: ba.append(Shrink(65)) or ba)
reset(); t(lambda: ba.extend([Grow(1), Grow(2)]) or ba[-3:])
reset(); t(lambda: ba.extend(Shrink(i) for i in range(3)) or ba)
reset(); t(lambda: bytearray([Shrink(7), Shrink(8)]))
reset(); t(lambda: ba * Shrink(3))
reset(); t(lambda: ba.startswith(b"hello", Shrink(0)))
reset(); t(lambda: ba.center(Shrink(20)))
reset(); t(lambda: ba.zfill(Grow(3))[:4])

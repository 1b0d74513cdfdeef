def gen(n):
    for i in range(n):
        yield fetch(i)

print([x for x in gen(3)])
for v in gen(2):
    print("got", v)

def delegate():
    r = yield from gen(2)
    yield fetch(100)
    return r

print([v for v in delegate()])

def counter():
    total = 0
    try:
        while True:
            total += fetch(1)
            yield total
    finally:
        print("counter closed")

c = counter()
for v in c:
    if v >= 30:
        break
c.close()

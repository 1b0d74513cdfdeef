def numbers():
    yield from range(10)
it = numbers()
pairs = list(zip(it, it))
print(pairs)
it = numbers()
chunks = [list(c) for c in zip(*[it] * 3)]
print(chunks, list(it))
it = numbers()
for x in it:
    if x == 3:
        print("skipping", next(it))
    if x > 6:
        break
print("after loop:", list(it))
it = iter(numbers())
first = next(it)
print(first, sum(it))
gen = numbers()
a = [v for v in gen if v < 3]
print(a, list(gen))
def take_while(pred, it):
    for v in it:
        if not pred(v):
            return v
        yield v
src = numbers()
small = list(take_while(lambda v: v < 4, src))
print(small, list(src))

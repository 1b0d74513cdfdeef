# Calls of every shape in a row: each plain call's record is reused for
# the next, whatever its arity, keywords, or a collection in between.
out = []
for i in range(6):
    if i % 3 == 0:
        out.append(fetch(i))
    elif i % 3 == 1:
        out.append(fetch(i, 2))
    else:
        out.append(fetch(i, scale=3))
    if i == 3:
        junk = [str(k) for k in range(100000)]  # enough garbage for a collection
        del junk
    try:
        boom("no %d" % i)
    except ValueError as e:
        out.append(str(e))
print(out)

def gen(n):
    for k in range(n):
        yield fetch(k, k)

print(list(gen(4)), [fetch("ab"), fetch([1])])

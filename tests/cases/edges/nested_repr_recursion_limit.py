def nest(n):
    x = []
    for _ in range(n):
        x = [x]
    return x
for n in (900, 990, 996, 997, 998, 999, 1000, 5000):
    try:
        s = repr(nest(n))
        print(n, "ok", len(s))
    except RecursionError as e:
        print(n, e)
def f(n):
    return repr(nest(n))
for n in (990, 995, 996, 997, 998):
    try:
        print(n, len(f(n)))
    except RecursionError as e:
        print(n, e)

for n in [-10, -1, 0, 1, 5, 10, 15, 100]:
    if n < 0:
        kind = "neg"
    elif n == 0:
        kind = "zero"
    elif n % 15 == 0:
        kind = "fizzbuzz"
    elif n % 5 == 0:
        kind = "buzz"
    else:
        kind = "other"
    print(n, kind)
x = 5
if x:
    pass
if not x:
    print("never")
else:
    print("else branch")
if x > 3: print("one-liner")
if []: print("empty list truthy?")
elif {}: print("empty dict?")
else: print("all falsy")

i = 0
while i < 5:
    i += 1
    if i == 2:
        continue
    print("i", i)
else:
    print("while-else runs", i)
n = 0
while True:
    n += 1
    if n > 3:
        break
    print("n", n)
else:
    print("not printed")
print("after", n)
k = 10
while k:
    k //= 2
    print("k", k)
collatz = 27
steps = 0
while collatz != 1:
    collatz = collatz // 2 if collatz % 2 == 0 else 3 * collatz + 1
    steps += 1
print("collatz steps", steps)
while False:
    print("never")
else:
    print("else of never-run loop")

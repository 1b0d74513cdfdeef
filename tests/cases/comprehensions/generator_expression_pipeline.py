lines = ["  10,apple", "bad line", "20,banana ", "", " 5 ,cherry", "x,y"]
cleaned = (l.strip() for l in lines)
nonempty = (l for l in cleaned if l)
split = (l.split(",") for l in nonempty)
valid = ((p[0].strip(), p[1].strip()) for p in split if len(p) == 2 and p[0].strip().isdigit())
parsed = [(int(n), name) for n, name in valid]
print(parsed)
print(sum(n for n, _ in parsed), max(parsed), ",".join(name for _, name in sorted(parsed)))
squares = (i * i for i in range(10))
evens = (s for s in squares if s % 2 == 0)
print(list(evens))
print(list(zip(range(3), (c for c in "xyz"))), dict((c, ord(c)) for c in "ab"))

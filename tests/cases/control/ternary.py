for n in range(-2, 3):
    print(n, "pos" if n > 0 else "zero" if n == 0 else "neg", n if n else "falsy", abs(n) if n < 0 else n)
x = 7
print(("even" if x % 2 == 0 else "odd").upper(), [("y" if i % 2 else "n") for i in range(4)])
f = (lambda: "a") if x else (lambda: "b")
print(f())
print(1 if True else 1 / 0, (1 / 0) if False else 2)
print([i if i % 3 else -i for i in range(7)])

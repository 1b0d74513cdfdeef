vals = [0.5, -0.5, 2.0, -3.25, 10.0, 1e-3]
for a in vals:
    print(a, [a + b for b in vals])
    print(a, [a - b for b in vals])
    print(a, [a * b for b in vals])
    print(a, [a / b for b in vals])

vals = [7.5, -7.5, 2.0, -2.0, 0.3, -0.3, 1e10]
for a in vals:
    print(a, [(a // b, a % b) for b in vals])
print(divmod(7.5, 2), divmod(-7.5, 2), divmod(7.5, -2), divmod(-7.5, -2))
print(5 % -0.0 if False else -0.0 % 5, 0.0 % -5, -1e-20 % 1.0, 1e-20 % -1.0)
print(7 // 2.0, -7 // 2.0, 7 % 2.5, -7 % 2.5)
print(1.0 // 0.1, 1.0 % 0.1)

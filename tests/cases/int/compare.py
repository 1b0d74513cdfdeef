vals = [-(10**20), -5, -1, 0, 1, 5, 10**20]
for a in vals:
    print(a, [(a < b, a <= b, a == b, a != b, a > b, a >= b) for b in vals[2:5]])
print(1 == 1.0, 1 < 1.5, 2**53 + 1 == float(2**53 + 1), 2**53 + 1 > float(2**53))
print(10**400 > 1e308, -10**400 < -1e308, 10**400 == float('inf'))
print(0 == -0, 0 == 0.0, 0 == -0.0, True == 1, False == 0)
print(1 < 2 < 3, 3 > 2 > 2, 1 == 1 == 1.0, 1 < 3 > 2)

inf = float('inf')
nan = float('nan')
print(inf, -inf, nan, -nan if False else nan)
print(float('Infinity'), float('-INF'), float('nAn'), float('  inf  '), float('+inf'))
print(inf + 1, inf - inf, inf * 0, inf / inf, -inf * -1, inf * -1)
print(inf > 1e308, -inf < -1e308, inf == inf, nan == nan, nan != nan, nan < 1, nan > 1, nan >= nan)
print(1e308 * 10, -1e308 * 10, 1e308 + 1e308)
print(1 / inf, -1 / inf, 0.0 * -1, -0.0 + 0.0, -0.0 - 0.0)
print(repr(-0.0), -0.0 == 0.0, str(-0.0), abs(-0.0))
x = [nan]
print(nan in x, x == x, [nan] == [nan], x.count(nan), x.index(nan))
print(max(1.0, nan), max(nan, 1.0), min(nan, 1.0), min(1.0, nan))
print(sorted([3.0, 1.0, 2.0]))
print(inf // 1, inf % 2 if False else "skip", 5.0 % inf, -5.0 % inf)
print(int(1e308) > 10**307)
print(round(inf) if False else "skip", float('1e500'), float('-1e500'), float('1e-500'))
print(hash(inf), hash(-inf), hash(0.0), hash(-0.0))
print(2.0 ** 1024 if False else "skip")
try:
    print(2.0 ** 1024)
except OverflowError as e:
    print("OverflowError", e)
try:
    print(10.0 ** 400)
except OverflowError as e:
    print("OverflowError", e)
print(inf ** 0, nan ** 0, 1 ** nan, 1.0 ** inf)

data = [2.5, 3.7, 1.2, 9.8, 4.4, 6.1, 7.7, 0.3, 5.5, 8.8]
n = len(data)
mean = sum(data) / n
var = sum((x - mean) ** 2 for x in data) / (n - 1)
print("mean", mean)
print("var", var)
print("std", var ** 0.5)
s = sorted(data)
median = (s[n // 2 - 1] + s[n // 2]) / 2
print("median", median)
print("min max", min(data), max(data), "range", max(data) - min(data))
run = 0.0
for i, x in enumerate(data, 1):
    run += x
    print(i, round(run, 4), round(run / i, 4))
print(f"{mean:.3f} {var:.3f} {var ** 0.5:.3f}")

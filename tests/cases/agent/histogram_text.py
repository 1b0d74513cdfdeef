scores = [72, 85, 90, 66, 85, 91, 78, 59, 100, 85, 73, 88, 95, 62, 70, 81, 77, 84, 99, 45]
buckets = {}
for s in scores:
    b = min(s // 10 * 10, 90)
    buckets[b] = buckets.get(b, 0) + 1
for b in range(40, 100, 10):
    label = f"{b}-{b + 9}" if b < 90 else "90-100"
    n = buckets.get(b, 0)
    print(f"{label:>7} | {'*' * n:<8} {n}")
n = len(scores)
mean = sum(scores) / n
ordered = sorted(scores)
median = (ordered[n // 2 - 1] + ordered[n // 2]) / 2 if n % 2 == 0 else ordered[n // 2]
mode_count = max(scores.count(s) for s in set(scores))
modes = sorted(s for s in set(scores) if scores.count(s) == mode_count)
var = sum((s - mean) ** 2 for s in scores) / n
print(f"n={n} mean={mean:.2f} median={median} modes={modes} std={var ** 0.5:.3f}")
def grade(s):
    for cutoff, g in ((90, "A"), (80, "B"), (70, "C"), (60, "D")):
        if s >= cutoff:
            return g
    return "F"
grades = {}
for s in scores:
    grades.setdefault(grade(s), []).append(s)
for g in "ABCDF":
    print(g, len(grades.get(g, [])), sorted(grades.get(g, []), reverse=True))
q1 = ordered[n // 4]
q3 = ordered[3 * n // 4]
iqr = q3 - q1
print("outliers:", [s for s in scores if s < q1 - 1.5 * iqr or s > q3 + 1.5 * iqr], "q1", q1, "q3", q3)

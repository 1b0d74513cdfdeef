def day_of_week(y, m, d):
    t = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4]
    if m < 3:
        y -= 1
    return (y + y // 4 - y // 100 + y // 400 + t[m - 1] + d) % 7
NAMES = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
def is_leap(y):
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
def days_in_month(y, m):
    return [31, 29 if is_leap(y) else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
for y, m, d in [(2000, 1, 1), (2024, 2, 29), (1970, 1, 1), (2023, 12, 25), (1900, 3, 1)]:
    print(f"{y:04d}-{m:02d}-{d:02d} {NAMES[day_of_week(y, m, d)]}")
print([y for y in range(1896, 1920) if is_leap(y)], is_leap(2000), is_leap(2100))
y, m = 2024, 2
print(f"   {y}-{m:02d}")
print(" ".join(n[:2] for n in NAMES))
first = day_of_week(y, m, 1)
cells = ["  "] * first + [f"{d:>2}" for d in range(1, days_in_month(y, m) + 1)]
for i in range(0, len(cells), 7):
    print(" ".join(cells[i:i + 7]))
def add_days(y, m, d, n):
    while n > 0:
        left = days_in_month(y, m) - d
        if n <= left:
            return y, m, d + n
        n -= left + 1
        d = 1
        m += 1
        if m == 13:
            y, m = y + 1, 1
    return y, m, d
print(add_days(2024, 1, 30, 1), add_days(2024, 2, 28, 2), add_days(2023, 12, 31, 366))

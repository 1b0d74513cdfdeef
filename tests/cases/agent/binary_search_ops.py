def bisect_left(a, x):
    lo, hi = 0, len(a)
    while lo < hi:
        mid = (lo + hi) // 2
        if a[mid] < x:
            lo = mid + 1
        else:
            hi = mid
    return lo
def bisect_right(a, x):
    lo, hi = 0, len(a)
    while lo < hi:
        mid = (lo + hi) // 2
        if x < a[mid]:
            hi = mid
        else:
            lo = mid + 1
    return lo
data = [1, 3, 3, 3, 5, 8, 13, 21]
for x in [0, 1, 3, 4, 21, 22]:
    print(x, bisect_left(data, x), bisect_right(data, x), bisect_right(data, x) - bisect_left(data, x))
def insort(a, x):
    a.insert(bisect_right(a, x), x)
s = []
for v in [5, 1, 4, 1, 5, 9, 2, 6]:
    insort(s, v)
    print(s)
def first_true(lo, hi, pred):
    while lo < hi:
        mid = (lo + hi) // 2
        if pred(mid):
            hi = mid
        else:
            lo = mid + 1
    return lo
print("isqrt(10**12+1):", first_true(0, 10**7, lambda m: m * m > 10**12 + 1) - 1)
print("first square > 2024:", first_true(0, 100, lambda m: m * m > 2024))

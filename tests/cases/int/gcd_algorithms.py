def gcd(a, b):
    while b:
        a, b = b, a % b
    return abs(a)
def lcm(a, b):
    return a * b // gcd(a, b)
print([gcd(a, b) for a, b in [(12, 18), (17, 5), (0, 9), (-12, 8), (2**64, 2**40 * 3)]])
print(lcm(4, 6), lcm(21, 6), lcm(2**10, 3**5))
def isqrt(n):
    x = n
    y = (x + 1) // 2
    while y < x:
        x = y
        y = (x + n // x) // 2
    return x
print([isqrt(n) for n in [0, 1, 2, 3, 4, 15, 16, 17, 10**20, 2**101]])
primes = [n for n in range(2, 100) if all(n % d for d in range(2, int(n ** 0.5) + 1))]
print(primes)
def to_base(n, b):
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    if n == 0:
        return "0"
    s = ""
    neg = n < 0
    n = abs(n)
    while n:
        n, r = divmod(n, b)
        s = digits[r] + s
    return "-" + s if neg else s
print([to_base(255, b) for b in (2, 8, 16, 36)], to_base(-12345, 7))
print(int(to_base(10**30, 36), 36) == 10**30)

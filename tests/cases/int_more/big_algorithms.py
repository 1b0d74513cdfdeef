# Arithmetic-heavy programs with big ints (exact results).
def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a
print(fib(300), fib(1000) % 10**20)
f = 1
for i in range(1, 300):
    f *= i
print(len(str(f)), f % (10**9 + 7), f // 10**600, sum(int(d) for d in str(f)))
def isqrt(n):
    x = n
    y = (x + 1) // 2
    while y < x:
        x = y
        y = (x + n // x) // 2
    return x
print(isqrt(2 * 10**100), isqrt(10**80) == 10**40)
def gcd(a, b):
    while b:
        a, b = b, a % b
    return a
print(gcd(2**200 * 3**50, 6**120), gcd(fib(400), fib(300)) == fib(100))
digits = 0
n = 2**2000
while n:
    n //= 10
    digits += 1
print(digits, (3**500) % 1000, (-(3**500)) % 1000, (3**500) >> 700, -(3**500) >> 700)
print(sum(i * i for i in range(10**5)), sum(2**i for i in range(200)) == 2**200 - 1)
print((2**521 - 1) % 1000000, pow(3, 2**521 - 2, 2**521 - 1) == pow(3, -1, 2**521 - 1))

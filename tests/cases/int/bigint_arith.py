a = 2**100
b = 3**60
print(a + b, a - b, b - a, a * b)
print(a // b, a % b, divmod(a, b), -a // b, -a % b)
print(a // 7, a % 7, (-a) // 7, (-a) % 7)
print(a ** 3)
print(a & b, a | b, a ^ b, ~a, -a >> 3, a << 10)
x = 1
for i in range(1, 60):
    x *= i
print(x)
print(x // (2**50), x % 1000003)
fib = [0, 1]
for i in range(200):
    fib.append(fib[-1] + fib[-2])
print(fib[200], fib[199] * fib[201] - fib[200] ** 2)
print(10**40 - 1, -(10**40) + 1, 10**40 // -(10**20), 10**40 % -(10**20 + 3))

d = {}
for k in [5, 3, 100, -1, 0, 2**40, 7]:
    d[k] = k * 2
print(d, list(d.keys()))
print(sorted(d), sorted(d.items(), key=lambda kv: kv[1], reverse=True))
s = {k % 4: k for k in range(20)}
print(s)
memo = {0: 0, 1: 1}
def fib(n):
    if n not in memo:
        memo[n] = fib(n - 1) + fib(n - 2)
    return memo[n]
print(fib(90), len(memo), list(memo)[:5])

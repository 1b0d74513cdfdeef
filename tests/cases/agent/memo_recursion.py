memo = {}
def ways(n, coins):
    key = (n, coins)
    if key in memo:
        return memo[key]
    if n == 0:
        return 1
    if n < 0 or not coins:
        return 0
    r = ways(n - coins[0], coins) + ways(n, coins[1:])
    memo[key] = r
    return r
print([ways(n, (1, 5, 10, 25)) for n in (0, 1, 5, 11, 30, 100)])
print("memo size", len(memo))
lcs_memo = {}
def lcs(a, b):
    if not a or not b:
        return ""
    k = (a, b)
    if k in lcs_memo:
        return lcs_memo[k]
    if a[0] == b[0]:
        r = a[0] + lcs(a[1:], b[1:])
    else:
        x, y = lcs(a[1:], b), lcs(a, b[1:])
        r = x if len(x) >= len(y) else y
    lcs_memo[k] = r
    return r
print(lcs("AGGTAB", "GXTXAYB"), lcs("abcdef", "acf"), repr(lcs("abc", "xyz")))
def edit_distance(s, t):
    prev = list(range(len(t) + 1))
    for i, cs in enumerate(s, 1):
        cur = [i]
        for j, ct in enumerate(t, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (cs != ct)))
        prev = cur
    return prev[-1]
print([edit_distance(a, b) for a, b in [("kitten", "sitting"), ("", "abc"), ("flaw", "lawn"), ("same", "same")]])
fibm = {}
def fib(n):
    if n < 2:
        return n
    if n not in fibm:
        fibm[n] = fib(n - 1) + fib(n - 2)
    return fibm[n]
print(fib(150))

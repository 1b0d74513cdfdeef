def greedy_change(amount, coins):
    out = {}
    for c in sorted(coins, reverse=True):
        if amount >= c:
            out[c], amount = divmod(amount, c)
    return out, amount
def optimal_change(amount, coins):
    best = [0] + [None] * amount
    pick = [None] * (amount + 1)
    for a in range(1, amount + 1):
        for c in coins:
            if c <= a and best[a - c] is not None and (best[a] is None or best[a - c] + 1 < best[a]):
                best[a] = best[a - c] + 1
                pick[a] = c
    if best[amount] is None:
        return None
    res = []
    while amount:
        res.append(pick[amount])
        amount -= pick[amount]
    return sorted(res, reverse=True)
for amount, coins in [(63, [1, 5, 10, 25]), (6, [1, 3, 4]), (7, [2, 4]), (30, [1, 10, 25])]:
    print(amount, coins, "greedy:", greedy_change(amount, coins), "optimal:", optimal_change(amount, coins))

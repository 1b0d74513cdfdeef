prices = {"apple": 1.25, "pear": 0.8}
order = ["apple", "kiwi", "pear", "apple"]
total = 0
for item in order:
    p = prices.get(item)
    if p is None:
        print("skip", item)
        continue
    total += p
    print(item, p, round(total, 2))
print("in" if "kiwi" in prices else "out", prices.get("kiwi", "n/a"))
stock = dict.fromkeys(prices, 0)
stock["apple"] += 5
print(stock)
print(sorted(prices, key=lambda k: prices[k]), sorted(prices, key=prices.get))

prices = {"apple": "1.20", "pear": 0.8}
total = 0.0
for item, price in prices.items():
    print("adding", item)
    total += price
print(total)

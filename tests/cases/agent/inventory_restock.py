inventory = {"apples": 12, "bananas": 0, "cherries": 150, "dates": 7, "eggs": 30}
thresholds = {"apples": 20, "bananas": 10, "cherries": 50, "dates": 10, "eggs": 24, "figs": 5}
unit_cost = {"apples": 0.5, "bananas": 0.25, "cherries": 0.1, "dates": 1.2, "eggs": 0.3, "figs": 2.0}
restock = []
for item, minimum in thresholds.items():
    have = inventory.get(item, 0)
    if have < minimum:
        need = minimum * 2 - have
        restock.append((item, have, need, round(need * unit_cost[item], 2)))
restock.sort(key=lambda r: (-r[3], r[0]))
print(f"{'item':<10}{'have':>6}{'order':>7}{'cost':>8}")
for item, have, need, cost in restock:
    print(f"{item:<10}{have:>6}{need:>7}{cost:>8.2f}")
budget = 20.0
spent = 0.0
approved = []
for item, have, need, cost in restock:
    if spent + cost <= budget:
        spent += cost
        approved.append(item)
    else:
        print(f"skipping {item}: would exceed budget ({spent + cost:.2f} > {budget:.2f})")
print("approved:", approved, f"spent={spent:.2f}", f"left={budget - spent:.2f}")
for item in approved:
    inventory[item] = inventory.get(item, 0) + next(r[2] for r in restock if r[0] == item)
print(inventory)

rows = [("widget", 3, 2.50), ("gadget", 1, 10.00), ("doohickey", 12, 0.75), ("gizmo", 5, 4.20)]
total = 0.0
for name, qty, price in rows:
    line = qty * price
    total += line
    print(f"{name:<10} {qty:>3} x {price:>6.2f} = {line:>7.2f}")
print(f"{'TOTAL':<10} {total:>23.2f}")
by_value = sorted(rows, key=lambda r: r[1] * r[2], reverse=True)
print([r[0] for r in by_value])
names, qtys, prices = zip(*rows)
print(names, qtys, prices)
print(max(rows, key=lambda r: r[2]), min(rows, key=lambda r: r[1]))
print(dict((n, q) for n, q, _ in rows))

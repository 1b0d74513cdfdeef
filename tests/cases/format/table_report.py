rows = [
    ("Alice", "Engineering", 123456.789, 0.125),
    ("Bob", "Sales", 98000.5, -0.034),
    ("Christina", "Marketing & Comms", 71500.0, 0.5),
    ("Dan", "R&D", 0.0, 0.0),
]
header = f"{'Name':<10}|{'Dept':^18}|{'Salary':>12}|{'Change':>8}"
print(header)
print("-" * len(header))
for name, dept, sal, chg in rows:
    print(f"{name:<10}|{dept:^18}|{sal:>12,.2f}|{chg:>+8.1%}")
print("=" * len(header))
total = sum(r[2] for r in rows)
print(f"{'Total':<10}|{'':^18}|{total:>12,.2f}|{'':>8}")
print(f"{'Average':<10}|{len(rows):^18d}|{total / len(rows):>12,.2f}|{sum(r[3] for r in rows) / len(rows):>8.2%}")

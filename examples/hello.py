# An agent-style program: aggregate some records and report.
orders = [
    {"id": 1, "customer": "ada", "total": 120.5, "items": ["pen", "ink"]},
    {"id": 2, "customer": "bob", "total": 42.0, "items": ["paper"]},
    {"id": 3, "customer": "ada", "total": 18.25, "items": ["clip", "pen"]},
]

by_customer = {}
for order in orders:
    by_customer.setdefault(order["customer"], []).append(order["total"])

for name, totals in sorted(by_customer.items()):
    print(f"{name:>5}: {len(totals)} orders, total {sum(totals):8.2f}")

items = sorted({item for order in orders for item in order["items"]})
print("items:", ", ".join(items))
best = max(orders, key=lambda o: o["total"])
print(f"largest order: #{best['id']} ({best['total']:.1f})")

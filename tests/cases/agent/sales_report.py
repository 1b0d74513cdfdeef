orders = [
    {"id": 1001, "customer": "acme", "region": "north", "items": [("widget", 3, 9.99), ("gadget", 1, 24.50)]},
    {"id": 1002, "customer": "globex", "region": "south", "items": [("widget", 10, 9.49)]},
    {"id": 1003, "customer": "acme", "region": "north", "items": [("gizmo", 2, 15.00), ("widget", 1, 9.99)]},
    {"id": 1004, "customer": "initech", "region": "east", "items": []},
    {"id": 1005, "customer": "globex", "region": "south", "items": [("gadget", 4, 23.75), ("gizmo", 1, 15.00)]},
    {"id": 1006, "customer": "umbrella", "region": "west", "items": [("widget", 7, 9.99)]},
]
def order_total(o):
    return round(sum(q * p for _, q, p in o["items"]), 2)
by_customer = {}
by_region = {}
by_product = {}
for o in orders:
    t = order_total(o)
    by_customer[o["customer"]] = by_customer.get(o["customer"], 0) + t
    by_region.setdefault(o["region"], []).append(t)
    for name, q, p in o["items"]:
        prod = by_product.setdefault(name, {"units": 0, "revenue": 0.0})
        prod["units"] += q
        prod["revenue"] += q * p
print("ORDER TOTALS")
for o in orders:
    print(f"  #{o['id']} {o['customer']:<10} {order_total(o):>9.2f}")
print("BY CUSTOMER")
for cust, total in sorted(by_customer.items(), key=lambda kv: (-kv[1], kv[0])):
    print(f"  {cust:<10} {total:>9.2f}")
print("BY REGION")
for region in sorted(by_region):
    ts = by_region[region]
    print(f"  {region:<6} n={len(ts)} sum={sum(ts):.2f} avg={sum(ts) / len(ts):.2f} max={max(ts):.2f}")
print("BY PRODUCT")
for name, s in sorted(by_product.items()):
    print(f"  {name:<7} units={s['units']:>3} revenue={s['revenue']:>8.2f} avg_price={s['revenue'] / s['units']:.3f}")
empty = [o["id"] for o in orders if not o["items"]]
print("empty orders:", empty)
grand = sum(by_customer.values())
print(f"grand total: {grand:,.2f}")
print("share:", {c: f"{v / grand:.1%}" for c, v in by_customer.items()})

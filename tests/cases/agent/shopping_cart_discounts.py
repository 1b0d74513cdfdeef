cart = [("shirt", 25.00, 2), ("jeans", 60.00, 1), ("socks", 4.50, 6), ("hat", 18.00, 1)]
rules = [
    ("BULK_SOCKS", lambda item: item[0] == "socks" and item[2] >= 5, 0.20),
    ("SHIRT_PAIR", lambda item: item[0] == "shirt" and item[2] >= 2, 0.10),
]
subtotal = 0.0
lines = []
for item in cart:
    name, price, qty = item
    line = price * qty
    disc = 0.0
    applied = []
    for code, cond, pct in rules:
        if cond(item):
            disc += line * pct
            applied.append(code)
    subtotal += line - disc
    lines.append((name, qty, line, disc, applied))
for name, qty, line, disc, applied in lines:
    extra = f" (-{disc:.2f} {','.join(applied)})" if applied else ""
    print(f"{name:<6} x{qty} {line:>7.2f}{extra}")
print(f"subtotal {subtotal:.2f}")
coupon = 15.0 if subtotal > 100 else 0.0
taxable = subtotal - coupon
tax = round(taxable * 0.0825, 2)
print(f"coupon -{coupon:.2f}")
print(f"tax {tax:.2f}")
print(f"total {taxable + tax:.2f}")
print("items:", sum(q for _, _, q in cart), "distinct:", len(cart), "priciest:", max(cart, key=lambda i: i[1])[0])

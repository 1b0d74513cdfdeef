data = {"name": "Widget", "price": 1234.5, "tags": ["a", "b"]}
print(f"{data['name']!r:>12}|{data['price']:>12,.2f}|{', '.join(data['tags']):^9}|")
print(f"{'x' * 3}{'-' * 2}", f"{len(data):03}", f"{data['price'] / 3:.4g}", f"{-data['price']:+,.1f}")
width, prec = 10, 3
print(f"{3.14159265:{width}.{prec}f}|{'left':<{width}}|{'r':>{width // 2}}|")
print(f"{sum(x for x in range(5))}", f"{[x * 2 for x in range(3)]}", f"{ {k: v for k, v in [('a', 1)]} }")
print(f"{'%d' % 5}", f"{'{}'.format(6)}", f"{format(7, '03')}")
val = 0.000123456
print(f"{val:e}", f"{val:.2e}", f"{val:g}", f"{val:.3%}", f"{val * 1e6:.1f}µ")

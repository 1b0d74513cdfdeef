def read_records(rows):
    for i, row in enumerate(rows):
        name, qty = row.split(",")
        yield name.strip(), int(qty)
rows = ["apple, 3", "pear, 5", "plum, many", "fig, 1"]
total = 0
for name, qty in read_records(rows):
    total += qty
    print(name, qty, total)
print("unreachable", total)
